package org.fabrique.core.memo;

import java.time.Clock;
import java.util.List;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.history.History;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.Names;
import org.fabrique.core.store.Store;
import org.fabrique.core.user.UserId;

/** Memos on the inquiry, sources, codes, segments and any other item. */
public final class MemoService {
  private final Store store;
  private final History history;
  private final Clock clock;

  public MemoService(Store store, History history, Clock clock) {
    this.store = store;
    this.history = history;
    this.clock = clock;
  }

  public Memo write(InquiryId inquiry, UserId author, ItemRef target, String title, String body) {
    return store.inTransaction(
        tx -> {
          tx.inquiries()
              .findInquiry(inquiry)
              .orElseThrow(() -> new NotFoundException("There is no inquiry " + inquiry));
          var now = clock.instant();
          Memo memo =
              new Memo(
                  new MemoId(tx.newId()),
                  inquiry,
                  target,
                  Names.optional(title),
                  body == null ? "" : Names.withoutNul(body),
                  author,
                  now,
                  now);
          history.apply(tx, inquiry, author, new MemoOperations.CreateMemo(memo));
          return memo;
        });
  }

  /**
   * Changes a memo's title and text, reading it in the transaction that writes it so that a
   * concurrent change of its target (a merge of codes) is kept.
   */
  public Memo update(UserId user, MemoId id, String title, String body) {
    return store.inTransaction(
        tx -> {
          Memo before =
              tx.memos()
                  .find(id)
                  .orElseThrow(() -> new NotFoundException("There is no memo " + id));
          Memo after =
              new Memo(
                  id,
                  before.inquiryId(),
                  before.target(),
                  Names.optional(title),
                  body == null ? "" : Names.withoutNul(body),
                  before.authorId(),
                  before.createdAt(),
                  clock.instant());
          history.apply(tx, before.inquiryId(), user, new MemoOperations.UpdateMemo(after));
          return after;
        });
  }

  public void delete(UserId user, MemoId id) {
    Memo memo = get(id);
    history.apply(memo.inquiryId(), user, new MemoOperations.DeleteMemo(id));
  }

  public Memo get(MemoId id) {
    return store.inTransaction(
        tx ->
            tx.memos().find(id).orElseThrow(() -> new NotFoundException("There is no memo " + id)));
  }

  public List<Memo> list(InquiryId inquiry) {
    return store.inTransaction(tx -> tx.memos().list(inquiry));
  }

  public List<Memo> about(ItemRef target) {
    return store.inTransaction(tx -> tx.memos().about(target));
  }
}
