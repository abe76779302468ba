package org.fabrique.core.memo;

import java.util.List;
import java.util.Map;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.Require;
import org.fabrique.core.store.Transaction;

/** The operations on memos. */
public final class MemoOperations {
  public static final List<Map.Entry<String, Class<? extends Operation>>> TYPES =
      List.of(
          Map.entry("memo.create", CreateMemo.class),
          Map.entry("memo.update", UpdateMemo.class),
          Map.entry("memo.delete", DeleteMemo.class));

  private MemoOperations() {}

  /** Writes a new memo. */
  public record CreateMemo(Memo memo) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      tx.memos().insert(memo);
      return new DeleteMemo(memo.id());
    }

    @Override
    public String describe() {
      return "Wrote a memo on " + memo.target();
    }
  }

  /** Changes a memo's title, text or target. */
  public record UpdateMemo(Memo memo) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Memo before = Require.present(tx.memos().find(memo.id()), "Memo " + memo.id());
      tx.memos().update(memo);
      return new UpdateMemo(before);
    }

    @Override
    public String describe() {
      return "Changed memo " + memo.id();
    }
  }

  /** Deletes a memo. */
  public record DeleteMemo(MemoId memoId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Memo before = Require.present(tx.memos().find(memoId), "Memo " + memoId);
      tx.memos().delete(memoId);
      return new CreateMemo(before);
    }

    @Override
    public String describe() {
      return "Deleted memo " + memoId;
    }
  }
}
