package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeChange;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodePlace;
import org.fabrique.core.coding.CodebookOperations;
import org.fabrique.core.coding.Coding;
import org.fabrique.core.coding.CodingId;
import org.fabrique.core.coding.CodingOperations;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.history.History;
import org.fabrique.core.history.Setback;
import org.fabrique.core.history.Step;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two users changing the codebook at once, with their transactions interleaved on purpose by
 * latches: the first transaction reads (and writes), then waits inside the transaction while the
 * second one runs. On PostgreSQL the second really runs meanwhile (serialisable transactions, run
 * again when the database aborts them); on SQLite and in memory it waits for the first to commit.
 * Either way no acknowledged change is lost, no cycle is stored, and undo never blocks.
 */
abstract class ConcurrencyContractTest extends StoreTestCase {
  private static final long WAIT_SECONDS = 20;

  private final ExecutorService second = Executors.newSingleThreadExecutor();
  private History history;
  private Inquiry inquiry;
  private User ana;
  private User ben;

  @BeforeEach
  void setUpInquiry() {
    history = new History(store, Clock.fixed(Fixtures.T0, ZoneOffset.UTC));
    withFixtures(
        f -> {
          inquiry = f.inquiry("Registry reuse");
          ana = f.user("ana");
          ben = f.user("ben");
          return null;
        });
  }

  @AfterEach
  void stopSecondThread() throws InterruptedException {
    second.shutdownNow();
    second.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** Whether two transactions of this store can be open at once (PostgreSQL). */
  private boolean transactionsOverlap() {
    return store instanceof JdbcStore jdbc && jdbc.dialect() == Dialect.POSTGRESQL;
  }

  /**
   * Runs {@code first} in a transaction that, once {@code first} has run, waits inside the
   * transaction for {@code then} (started in another thread) to finish, or (where transactions
   * cannot overlap) for a moment; then commits. Returns what each did: its result, or the exception
   * it ended with.
   */
  private List<Object> interleave(
      Function<Transaction, Object> first, Function<Transaction, Object> then) throws Exception {
    CountDownLatch firstRan = new CountDownLatch(1);
    CountDownLatch thenEnded = new CountDownLatch(1);
    Future<Object> other =
        second.submit(
            () -> {
              try {
                assertTrue(firstRan.await(WAIT_SECONDS, TimeUnit.SECONDS));
                return outcome(() -> store.inTransaction(then));
              } finally {
                thenEnded.countDown();
              }
            });
    Object mine =
        outcome(
            () ->
                store.inTransaction(
                    tx -> {
                      Object result = first.apply(tx);
                      firstRan.countDown();
                      await(thenEnded, transactionsOverlap() ? WAIT_SECONDS * 1000 : 300);
                      return result;
                    }));
    return List.of(mine, other.get(WAIT_SECONDS, TimeUnit.SECONDS));
  }

  private static Object outcome(java.util.concurrent.Callable<Object> work) throws Exception {
    try {
      return work.call();
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static void await(CountDownLatch latch, long millis) {
    try {
      latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Code code(String name, Optional<Code> parent, int position) {
    return withFixtures(f -> f.code(inquiry, parent, name, position));
  }

  /** Moves a code under another, deciding the move from what the transaction reads. */
  private Object move(Transaction tx, User user, CodeId moved, CodeId under) {
    Code current = tx.coding().findCode(moved).orElseThrow();
    CodeChange after = CodeChange.none().withPlace(new CodePlace(Optional.of(under), 0));
    history.apply(
        tx,
        inquiry.id(),
        user.id(),
        new CodebookOperations.ChangeCode(moved, after.currentIn(current), after));
    return "moved";
  }

  private Object rename(Transaction tx, User user, CodeId renamed, String name) {
    Code current = tx.coding().findCode(renamed).orElseThrow();
    CodeChange after = CodeChange.none().withName(name);
    history.apply(
        tx,
        inquiry.id(),
        user.id(),
        new CodebookOperations.ChangeCode(renamed, after.currentIn(current), after));
    return "renamed";
  }

  private List<Code> codes() {
    return inTx(tx -> tx.coding().listCodes(inquiry.id()));
  }

  /** Whether every code reaches the top level by its parents, each parent existing. */
  private static boolean isATree(List<Code> codes) {
    Map<CodeId, Code> byId = codes.stream().collect(Collectors.toMap(Code::id, c -> c));
    for (Code code : codes) {
      Set<CodeId> seen = new HashSet<>();
      Optional<CodeId> at = Optional.of(code.id());
      while (at.isPresent()) {
        if (!seen.add(at.get()) || !byId.containsKey(at.get())) {
          return false;
        }
        at = byId.get(at.get()).parentId();
      }
    }
    return true;
  }

  @Test
  void twoMovesThatTogetherWouldMakeACycleLeaveATreeAndOneConflict() throws Exception {
    Code a = code("Access", Optional.empty(), 0);
    Code b = code("Burden", Optional.empty(), 1);

    List<Object> outcomes =
        interleave(tx -> move(tx, ana, a.id(), b.id()), tx -> move(tx, ben, b.id(), a.id()));

    List<Object> conflicts = outcomes.stream().filter(o -> o instanceof ConflictException).toList();
    assertEquals(1, conflicts.size(), outcomes.toString());
    assertTrue(outcomes.contains("moved"), outcomes.toString());
    assertTrue(isATree(codes()), codes().toString());
  }

  @Test
  void aRenameAndAMoveOfOneCodeAtOnceAreBothKept() throws Exception {
    Code parent = code("Trust", Optional.empty(), 0);
    Code moved = code("Consent", Optional.empty(), 1);

    List<Object> outcomes =
        interleave(
            tx -> {
              tx.coding().findCode(moved.id()).orElseThrow();
              return rename(tx, ana, moved.id(), "Informed consent");
            },
            tx -> move(tx, ben, moved.id(), parent.id()));

    assertEquals(List.of("renamed", "moved"), outcomes);
    Code now = inTx(tx -> tx.coding().findCode(moved.id()).orElseThrow());
    assertEquals("Informed consent", now.name());
    assertEquals(Optional.of(parent.id()), now.parentId());
  }

  @Test
  void aRenameDecidedBeforeAnotherUsersMoveKeepsTheMove() {
    Code parent = code("Trust", Optional.empty(), 0);
    Code moved = code("Consent", Optional.empty(), 1);
    CodeChange rename = CodeChange.none().withName("Informed consent");
    CodebookOperations.ChangeCode decided =
        new CodebookOperations.ChangeCode(moved.id(), rename.currentIn(moved), rename);

    doInTx(tx -> move(tx, ben, moved.id(), parent.id()));
    history.apply(inquiry.id(), ana.id(), decided);

    Code now = inTx(tx -> tx.coding().findCode(moved.id()).orElseThrow());
    assertEquals("Informed consent", now.name());
    assertEquals(Optional.of(parent.id()), now.parentId());
  }

  @Test
  void twoTransactionsThatDeadlockAreBothSavedWithoutAConflict() throws Exception {
    Assumptions.assumeTrue(transactionsOverlap(), "only PostgreSQL runs transactions at once");
    Code a = code("Access", Optional.empty(), 0);
    Code b = code("Burden", Optional.empty(), 1);
    CountDownLatch firstLockedA = new CountDownLatch(1);
    CountDownLatch secondLockedB = new CountDownLatch(1);
    Future<Object> other =
        second.submit(
            () ->
                outcome(
                    () ->
                        store.inTransaction(
                            tx -> {
                              await(firstLockedA, WAIT_SECONDS * 1000);
                              rename(tx, ben, b.id(), "Burden (ben)");
                              secondLockedB.countDown();
                              return rename(tx, ben, a.id(), "Access (ben)");
                            })));
    long retriesBefore = jdbc().serializationRetries();
    Object mine =
        outcome(
            () ->
                store.inTransaction(
                    tx -> {
                      rename(tx, ana, a.id(), "Access (ana)");
                      firstLockedA.countDown();
                      await(secondLockedB, WAIT_SECONDS * 1000);
                      return rename(tx, ana, b.id(), "Burden (ana)");
                    }));
    Object theirs = other.get(WAIT_SECONDS * 2, TimeUnit.SECONDS);

    assertEquals(List.of("renamed", "renamed"), List.of(mine, theirs));
    assertTrue(jdbc().serializationRetries() > retriesBefore);
    Set<String> names = new HashSet<>();
    codes().forEach(c -> names.add(c.name()));
    // the transaction run again came last: both of its renames are the ones kept
    assertTrue(
        names.equals(Set.of("Access (ana)", "Burden (ana)"))
            || names.equals(Set.of("Access (ben)", "Burden (ben)")),
        names.toString());
  }

  @Test
  void deletingACodeCaughtInAStoredCycleEndsAndItsUndoRestoresATree() {
    Code a = code("Access", Optional.empty(), 0);
    Code b = code("Burden", Optional.of(a), 0);
    // a cycle as concurrent moves stored it before serialisable transactions
    doInTx(
        tx ->
            tx.coding()
                .changeCode(
                    a.id(), CodeChange.none().withPlace(new CodePlace(Optional.of(b.id()), 0))));

    history.apply(inquiry.id(), ana.id(), new CodebookOperations.DeleteCode(a.id()));
    assertEquals(List.of(), codes());

    Step undone = history.undo(inquiry.id(), ana.id()).orElseThrow();
    assertTrue(undone.complete(), undone.toString());
    assertEquals(2, codes().size());
    assertTrue(isATree(codes()), codes().toString());
  }

  @Test
  void aMoveUnderACodeCaughtInAStoredCycleIsRefusedAndEnds() {
    Code a = code("Access", Optional.empty(), 0);
    Code b = code("Burden", Optional.of(a), 0);
    Code c = code("Care", Optional.empty(), 1);
    doInTx(
        tx ->
            tx.coding()
                .changeCode(
                    a.id(), CodeChange.none().withPlace(new CodePlace(Optional.of(b.id()), 0))));

    Object outcome = inTx(tx -> outcomeOf(() -> move(tx, ana, c.id(), b.id())));

    assertInstanceOf(ConflictException.class, outcome);
    assertEquals(
        Optional.empty(), inTx(tx -> tx.coding().findCode(c.id())).orElseThrow().parentId());
  }

  private static Object outcomeOf(java.util.function.Supplier<Object> work) {
    try {
      return work.get();
    } catch (ConflictException e) {
      return e;
    }
  }

  @Test
  void undoingACodeDeletionAfterAnotherCoderCodedTheSameSpanRestoresItOnTheirPassage() {
    Code nature = code("Nature", Optional.empty(), 0);
    Code uses = code("Uses", Optional.empty(), 1);
    Source source = withFixtures(f -> f.source(inquiry, ana, Optional.empty(), "Interview"));
    Segment anasSpan = new Segment(new SegmentId(newId()), source.id(), 10, 20, "0123456789");
    Coding anas =
        new Coding(new CodingId(newId()), anasSpan.id(), nature.id(), ana.id(), Fixtures.T0);
    history.apply(inquiry.id(), ana.id(), new CodingOperations.AddCoding(anasSpan, anas));
    history.apply(inquiry.id(), ana.id(), new CodebookOperations.DeleteCode(nature.id()));
    // ben codes the same span with another code: a new segment over the same positions
    Segment bensSpan = new Segment(new SegmentId(newId()), source.id(), 10, 20, "0123456789");
    Coding bens =
        new Coding(new CodingId(newId()), bensSpan.id(), uses.id(), ben.id(), Fixtures.T0);
    history.apply(inquiry.id(), ben.id(), new CodingOperations.AddCoding(bensSpan, bens));

    Step undone = history.undo(inquiry.id(), ana.id()).orElseThrow();

    assertTrue(undone.complete(), undone.toString());
    assertTrue(inTx(tx -> tx.coding().findCode(nature.id())).isPresent());
    Set<CodeId> codesOfTheSpan =
        inTx(tx -> tx.coding().codingsOfSegment(bensSpan.id())).stream()
            .map(Coding::codeId)
            .collect(Collectors.toSet());
    assertEquals(Set.of(nature.id(), uses.id()), codesOfTheSpan);
    // the stack goes on: ana's coding can be undone next, ben's stays
    assertTrue(history.undo(inquiry.id(), ana.id()).orElseThrow().complete());
    assertEquals(
        List.of(bens.id()),
        inTx(tx -> tx.coding().codingsOfSegment(bensSpan.id())).stream().map(Coding::id).toList());
  }

  @Test
  void undoingARenameThatAnotherUserRenamedAgainLeavesTheirNameAndSaysSo() {
    Code code = code("Nature", Optional.empty(), 0);
    Code other = code("Uses", Optional.empty(), 1);
    doInTx(tx -> rename(tx, ana, other.id(), "Uses of data"));
    doInTx(tx -> rename(tx, ana, code.id(), "Nature of data"));
    doInTx(tx -> move(tx, ana, code.id(), other.id()));
    doInTx(tx -> rename(tx, ben, code.id(), "Kind of data"));

    Step undoneMove = history.undo(inquiry.id(), ana.id()).orElseThrow();
    assertTrue(undoneMove.complete());
    Step undoneRename = history.undo(inquiry.id(), ana.id()).orElseThrow();

    assertEquals(
        List.of(
            new Setback(
                new ItemRef(ItemKind.CODE, code.id().value()), Setback.Reason.CHANGED_SINCE)),
        undoneRename.setbacks());
    Code now = inTx(tx -> tx.coding().findCode(code.id()).orElseThrow());
    assertEquals("Kind of data", now.name());
    assertEquals(Optional.empty(), now.parentId());
    Step undoneOther = history.undo(inquiry.id(), ana.id()).orElseThrow();
    assertTrue(undoneOther.complete());
    assertEquals("Uses", inTx(tx -> tx.coding().findCode(other.id()).orElseThrow()).name());
    assertFalse(history.undo(inquiry.id(), ana.id()).isPresent());
  }

  @Test
  void undoingACodeCreationThatOthersCodedWithSinceKeepsTheirWork() {
    Code created =
        inTx(
            tx -> {
              Code code =
                  new Code(
                      new CodeId(tx.newId()),
                      inquiry.id(),
                      Optional.empty(),
                      "Trust",
                      "#000000",
                      "",
                      true,
                      0);
              history.apply(tx, inquiry.id(), ana.id(), new CodebookOperations.CreateCode(code));
              return code;
            });
    Source source = withFixtures(f -> f.source(inquiry, ben, Optional.empty(), "Notes"));
    Segment span = new Segment(new SegmentId(newId()), source.id(), 0, 5, "01234");
    Coding bens = new Coding(new CodingId(newId()), span.id(), created.id(), ben.id(), Fixtures.T0);
    history.apply(inquiry.id(), ben.id(), new CodingOperations.AddCoding(span, bens));

    Step undone = history.undo(inquiry.id(), ana.id()).orElseThrow();

    assertEquals(
        List.of(
            new Setback(
                new ItemRef(ItemKind.CODE, created.id().value()), Setback.Reason.CHANGED_SINCE)),
        undone.setbacks());
    assertTrue(inTx(tx -> tx.coding().findCoding(bens.id())).isPresent());
  }

  private long newId() {
    return inTx(Transaction::newId);
  }
}
