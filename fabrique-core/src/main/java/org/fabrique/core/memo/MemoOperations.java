package org.fabrique.core.memo;

import java.util.List;
import java.util.Map;
import org.fabrique.core.history.CompositeOperation;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.Require;
import org.fabrique.core.history.Setback;
import org.fabrique.core.history.Setbacks;
import org.fabrique.core.store.Transaction;

/** The operations on memos. */
public final class MemoOperations {
  public static final List<Map.Entry<String, Class<? extends Operation>>> TYPES =
      List.of(
          Map.entry("memo.create", CreateMemo.class),
          Map.entry("memo.update", UpdateMemo.class),
          Map.entry("memo.delete", DeleteMemo.class));

  private MemoOperations() {}

  /** The inverse of a part left out: nothing to do. */
  private static Operation nothing(String description) {
    return new CompositeOperation("Nothing to do: " + description, List.of());
  }

  /** Writes a new memo. */
  public record CreateMemo(Memo memo) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      tx.memos().insert(memo);
      return new DeleteMemo(memo.id());
    }

    /** As an undo of a deletion or a redo: a memo already there again is left out. */
    @Override
    public Operation applyLeniently(Transaction tx, Setbacks setbacks) {
      if (tx.memos().find(memo.id()).isPresent()) {
        setbacks.add(new ItemRef(ItemKind.MEMO, memo.id().value()), Setback.Reason.ALREADY_THERE);
        return nothing(describe());
      }
      return apply(tx);
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

    /** As an undo or a redo: a memo deleted since by someone else is left out. */
    @Override
    public Operation applyLeniently(Transaction tx, Setbacks setbacks) {
      if (tx.memos().find(memo.id()).isEmpty()) {
        setbacks.add(new ItemRef(ItemKind.MEMO, memo.id().value()), Setback.Reason.DELETED_SINCE);
        return nothing(describe());
      }
      return apply(tx);
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

    /** As an undo of a creation or a redo: a memo deleted since by someone else is left out. */
    @Override
    public Operation applyLeniently(Transaction tx, Setbacks setbacks) {
      if (tx.memos().find(memoId).isEmpty()) {
        setbacks.add(new ItemRef(ItemKind.MEMO, memoId.value()), Setback.Reason.DELETED_SINCE);
        return nothing(describe());
      }
      return apply(tx);
    }

    @Override
    public String describe() {
      return "Deleted memo " + memoId;
    }
  }
}
