package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.history.History;
import org.fabrique.core.history.HistoryEntry;
import org.fabrique.core.history.HistoryEntry.Kind;
import org.fabrique.core.history.HistoryEntry.Status;
import org.fabrique.core.history.Setback;
import org.fabrique.core.history.Setback.Reason;
import org.fabrique.core.history.Step;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.memo.MemoId;
import org.fabrique.core.memo.MemoOperations.CreateMemo;
import org.fabrique.core.memo.MemoOperations.DeleteMemo;
import org.fabrique.core.memo.MemoOperations.UpdateMemo;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Undo and redo per user over the stored history, whatever the database. */
abstract class HistoryContractTest extends StoreTestCase {
  private History history;
  private InquiryId inquiry;
  private UserId ana;
  private UserId ben;

  @BeforeEach
  void createInquiryAndUsers() {
    history = new History(store, Clock.fixed(Fixtures.T0, ZoneOffset.UTC));
    List<Object> made = withFixtures(f -> List.of(f.inquiry("I"), f.user("ana"), f.user("ben")));
    inquiry = ((Inquiry) made.get(0)).id();
    ana = ((User) made.get(1)).id();
    ben = ((User) made.get(2)).id();
  }

  private Memo newMemo(UserId author) {
    long id = inTx(tx -> tx.newId());
    return new Memo(
        new MemoId(id),
        inquiry,
        new ItemRef(ItemKind.INQUIRY, inquiry.value()),
        "Memo " + id,
        "Body",
        author,
        Fixtures.T0,
        Fixtures.T0);
  }

  private Memo create(UserId user) {
    Memo memo = newMemo(user);
    history.apply(inquiry, user, new CreateMemo(memo));
    return memo;
  }

  private List<Memo> memos() {
    return inTx(tx -> tx.memos().list(inquiry));
  }

  @Test
  void applyingAnOperationRecordsItWithItsInverse() {
    Memo memo = create(ana);
    List<HistoryEntry> lines = history.recent(inquiry, 10);
    assertEquals(1, lines.size());
    HistoryEntry line = lines.get(0);
    assertEquals(
        new HistoryEntry(
            line.id(),
            inquiry,
            ana,
            Fixtures.T0,
            Kind.DO,
            0,
            Status.ACTIVE,
            new CreateMemo(memo),
            new DeleteMemo(memo.id())),
        line);
    assertEquals(List.of(memo), memos());
  }

  @Test
  void undoRestoresTheStateAndRedoAppliesTheActionAgain() {
    Memo memo = create(ana);
    Optional<HistoryEntry> undone = history.undo(inquiry, ana).map(Step::entry);
    assertEquals(new CreateMemo(memo), undone.orElseThrow().operation());
    assertEquals(List.of(), memos());
    assertEquals(Optional.empty(), history.undo(inquiry, ana));

    Optional<HistoryEntry> redone = history.redo(inquiry, ana).map(Step::entry);
    assertEquals(undone.get().id(), redone.orElseThrow().id());
    assertEquals(List.of(memo), memos());
    assertEquals(Optional.empty(), history.redo(inquiry, ana));
  }

  @Test
  void theVersionMovesWithEveryLineAndTheNextUndoAndRedoAreNamed() {
    assertEquals(0, history.version(inquiry));
    assertEquals(Optional.empty(), history.nextUndo(inquiry, ana));
    Memo memo = create(ana);
    long afterCreate = history.version(inquiry);
    assertTrue(afterCreate > 0);
    HistoryEntry line = history.nextUndo(inquiry, ana).orElseThrow();
    assertEquals(new CreateMemo(memo), line.operation());
    assertEquals(Optional.of(line), history.line(line.id()));
    assertEquals(Optional.empty(), history.nextUndo(inquiry, ben));

    history.undo(inquiry, ana);
    assertTrue(history.version(inquiry) > afterCreate, "an undo is a new version");
    assertEquals(Optional.empty(), history.nextUndo(inquiry, ana));
    assertEquals(line.id(), history.nextRedo(inquiry, ana).orElseThrow().id());
    assertEquals(Optional.empty(), history.line(history.version(inquiry) + 1000));
  }

  @Test
  void redoGoesForwardInTheReverseOrderOfUndo() {
    Memo first = create(ana);
    Memo second = create(ana);
    history.undo(inquiry, ana);
    history.undo(inquiry, ana);
    assertEquals(List.of(), memos());
    history.redo(inquiry, ana);
    assertEquals(List.of(first), memos());
    history.redo(inquiry, ana);
    assertEquals(List.of(first, second), memos());
    history.undo(inquiry, ana);
    assertEquals(List.of(first), memos());
  }

  @Test
  void aNewActionClearsTheRedoOfItsUserOnly() {
    create(ana);
    Memo bens = create(ben);
    history.undo(inquiry, ana);
    history.undo(inquiry, ben);
    Memo third = create(ana);

    assertEquals(Optional.empty(), history.redo(inquiry, ana));
    assertEquals(List.of(third), memos());
    assertTrue(history.redo(inquiry, ben).isPresent());
    assertEquals(List.of(bens, third), memos());
    assertEquals(
        1,
        history.recent(inquiry, 20).stream().filter(l -> l.status() == Status.DISCARDED).count());
  }

  @Test
  void aUserCannotUndoAnotherUsersAction() {
    Memo anas = create(ana);
    assertEquals(Optional.empty(), history.undo(inquiry, ben));
    assertEquals(List.of(anas), memos());
    assertTrue(history.undo(inquiry, ana).isPresent());
    assertEquals(List.of(), memos());
  }

  @Test
  void anUndoOfWhatAnotherUserDeletedSinceLeavesItOutAndSaysSo() {
    Memo anas = create(ana);
    Memo edited =
        new Memo(
            anas.id(),
            inquiry,
            anas.target(),
            "Edited by ben",
            "Body",
            ben,
            anas.createdAt(),
            anas.updatedAt());
    history.apply(inquiry, ben, new UpdateMemo(edited));
    history.apply(inquiry, ben, new DeleteMemo(anas.id()));
    List<HistoryEntry> before = history.recent(inquiry, 20);

    Step undone = history.undo(inquiry, ana).orElseThrow();
    assertEquals(
        List.of(new Setback(new ItemRef(ItemKind.MEMO, anas.id().value()), Reason.DELETED_SINCE)),
        undone.setbacks());
    assertFalse(undone.setAside());
    assertEquals(List.of(), memos());
    assertEquals(before.size() + 1, history.recent(inquiry, 20).size());
    assertEquals(Optional.empty(), history.undo(inquiry, ana));

    history.undo(inquiry, ben);
    assertEquals(List.of(edited), memos());
    history.undo(inquiry, ben);
    assertEquals(List.of(anas), memos());
  }

  @Test
  void anOperationThatCannotApplyLeavesNoLine() {
    Memo never = newMemo(ana);
    assertThrows(ConflictException.class, () -> history.apply(inquiry, ana, new UpdateMemo(never)));
    assertEquals(List.of(), history.recent(inquiry, 10));
  }

  @Test
  void recentListsTheNewestLinesFirstWithUndoLinesPointingAtTheirAction() {
    create(ana);
    Memo second = create(ana);
    history.undo(inquiry, ana);
    history.redo(inquiry, ana);

    List<HistoryEntry> lines = history.recent(inquiry, 3);
    assertEquals(
        List.of(Kind.REDO, Kind.UNDO, Kind.DO), lines.stream().map(HistoryEntry::kind).toList());
    HistoryEntry action = lines.get(2);
    assertEquals(new CreateMemo(second), action.operation());
    assertEquals(Status.ACTIVE, action.status());
    assertEquals(action.id(), lines.get(0).target());
    assertEquals(action.id(), lines.get(1).target());
    assertEquals(new DeleteMemo(second.id()), lines.get(1).operation());
    assertEquals(4, history.recent(inquiry, 100).size());
    assertEquals(List.of(), history.recent(new InquiryId(-5), 10));
  }
}
