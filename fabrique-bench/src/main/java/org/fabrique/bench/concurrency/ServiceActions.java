package org.fabrique.bench.concurrency;

import java.util.Optional;
import org.fabrique.core.Fabrique;
import org.fabrique.core.coding.CodeChange;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodingId;
import org.fabrique.core.coding.CodingService.NewCode;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.MemoId;
import org.fabrique.core.user.UserId;

/** A coder's actions through the services, as the web app calls them. */
final class ServiceActions implements Actions {
  private final Fabrique fabrique;
  private final InquiryId inquiry;
  private final UserId user;

  ServiceActions(Fabrique fabrique, InquiryId inquiry, UserId user) {
    this.fabrique = fabrique;
    this.inquiry = inquiry;
    this.user = user;
  }

  @Override
  public long code(long source, int start, int end, long code) {
    return fabrique
        .coding()
        .code(user, new SourceId(source), start, end, new CodeId(code))
        .codingId()
        .value();
  }

  @Override
  public void recode(long coding, long code) {
    fabrique.coding().recode(user, new CodingId(coding), new CodeId(code));
  }

  @Override
  public void removeCoding(long coding) {
    fabrique.coding().removeCoding(user, new CodingId(coding));
  }

  @Override
  public void renameCode(long code, String name) {
    fabrique.coding().changeCode(user, new CodeId(code), CodeChange.none().withName(name));
  }

  @Override
  public void moveCode(long code, Optional<Long> parent, int position) {
    fabrique.coding().moveCode(user, new CodeId(code), parent.map(CodeId::new), position);
  }

  @Override
  public long writeMemo(long aboutCode, String body) {
    return fabrique
        .memos()
        .write(inquiry, user, new ItemRef(ItemKind.CODE, aboutCode), "", body)
        .id()
        .value();
  }

  @Override
  public void updateMemo(long memo, String body) {
    fabrique.memos().update(user, new MemoId(memo), "", body);
  }

  @Override
  public long createCode(String name) {
    return fabrique.coding().createCode(inquiry, user, NewCode.named(name)).id().value();
  }

  @Override
  public void deleteCode(long code) {
    fabrique.coding().deleteCode(user, new CodeId(code));
  }

  @Override
  public Optional<Undone> undo() {
    return fabrique
        .history()
        .undo(inquiry, user)
        .map(
            step ->
                new Undone(
                    step.setAside(), step.setbacks().stream().map(s -> s.item().id()).toList()));
  }
}
