package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.attribute.AttributeOperations;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.attribute.AttributeValue;
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
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.corpus.SourceMetadata;
import org.fabrique.core.corpus.SourceOperations;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.exchange.ExchangeOperations;
import org.fabrique.core.exchange.ItemGuid;
import org.fabrique.core.history.CompositeOperation;
import org.fabrique.core.history.History;
import org.fabrique.core.history.HistoryEntry;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.OperationTypes;
import org.fabrique.core.history.Step;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.CaseOperations;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryOperations;
import org.fabrique.core.link.Link;
import org.fabrique.core.link.LinkDirection;
import org.fabrique.core.link.LinkId;
import org.fabrique.core.link.LinkOperations;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.memo.MemoId;
import org.fabrique.core.memo.MemoOperations;
import org.fabrique.core.set.ItemSet;
import org.fabrique.core.set.SetId;
import org.fabrique.core.set.SetOperations;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation type, applied through the history to a small inquiry, changes its state; undo
 * (reading the inverse back from the database) restores exactly the prior state, and redo exactly
 * the state after the action.
 */
abstract class OperationUndoContractTest extends StoreTestCase {

  /** The inquiry every scenario starts from. */
  record World(
      Inquiry inquiry,
      User ana,
      User ben,
      Case registry,
      Case emptyCase,
      Source interview,
      Source notes,
      Code root,
      Code k1,
      Code k2,
      Code k3,
      Segment g1,
      Segment g2,
      Segment g3,
      Coding coding1,
      Coding coding2,
      Coding coding3,
      Memo memoOnSource,
      Memo memoOnCode,
      Memo memoOnSegment,
      Memo memoOnCase,
      AttributeDefinition caseAttribute,
      AttributeDefinition sourceAttribute) {}

  /** The state of the inquiry as the stores show it. */
  record Snapshot(
      List<Inquiry> inquiries,
      List<Case> cases,
      List<Source> sources,
      Map<SourceId, List<SpeakerTurn>> turns,
      List<Code> codes,
      Map<SourceId, List<Segment>> segments,
      Map<SegmentId, List<Coding>> codings,
      List<Memo> memos,
      List<AttributeDefinition> definitions,
      Map<AttributeId, List<AttributeValue>> valuesByAttribute,
      Map<Long, List<AttributeValue>> valuesByOwner,
      JourneyUndoScenarios.JourneyState journeys,
      List<ItemSet> sets,
      List<Link> links,
      List<ItemGuid> guids,
      Optional<String> speakerPattern) {}

  private static final Map<String, Function<Scenario, Operation>> SCENARIOS = scenarios();

  /** A scenario builds its operation in a transaction on the world (and may prepare the state). */
  record Scenario(World w, Transaction tx) {
    long id() {
      return tx.newId();
    }
  }

  /**
   * Operations that record a fact and change no item: the record that an inquiry was created by an
   * import, whose undo is refused (the user deletes the inquiry instead).
   */
  private static final Set<String> RECORDS =
      Set.of(
          "exchange.project.imported",
          "exchange.project.import-kept",
          // a purge's record and its tombstones (PurgeTest in fabrique-app)
          "history.purge",
          "history.purged");

  static Set<String> operationTypes() {
    Set<String> types = new TreeSet<>(OperationTypes.all().keySet());
    types.removeAll(RECORDS);
    return types;
  }

  @Test
  void everyRegisteredOperationTypeHasAScenario() {
    Set<String> covered = new TreeSet<>(SCENARIOS.keySet());
    covered.addAll(RECORDS);
    assertEquals(new TreeSet<>(OperationTypes.all().keySet()), covered);
  }

  @Test
  void theRecordOfAnImportStaysInTheHistoryAndItsUndoSetsItAsideSayingWhy() {
    World world = withFixtures(OperationUndoContractTest::world);
    History history = new History(store, Clock.fixed(Fixtures.T0, ZoneOffset.UTC));
    Snapshot before = snapshot(world);
    history.apply(
        world.inquiry().id(),
        world.ana().id(),
        new ExchangeOperations.ProjectImported(world.inquiry().id(), "study.qdpx", "2 sources"));
    assertEquals(before, snapshot(world));
    Step refusal = history.undo(world.inquiry().id(), world.ana().id()).orElseThrow();
    assertTrue(refusal.setAside());
    assertTrue(refusal.reason().orElseThrow().contains("study.qdpx"));
    assertEquals(before, snapshot(world));
    HistoryEntry line = history.recent(world.inquiry().id(), 1).get(0);
    assertEquals("exchange.project.imported", line.operation().type());
    assertEquals(HistoryEntry.Status.SET_ASIDE, line.status());
    assertEquals(Optional.empty(), history.undo(world.inquiry().id(), world.ana().id()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operationTypes")
  void undoRestoresExactlyThePriorStateAndRedoTheLaterOne(String type) {
    World world = withFixtures(OperationUndoContractTest::world);
    Operation operation = inTx(tx -> SCENARIOS.get(type).apply(new Scenario(world, tx)));
    assertEquals(type, operation.type());
    History history = new History(store, Clock.fixed(Fixtures.T0, ZoneOffset.UTC));

    Snapshot before = snapshot(world);
    history.apply(world.inquiry().id(), world.ana().id(), operation);
    Snapshot after = snapshot(world);
    assertNotEquals(before, after, "the operation changes nothing");

    history.undo(world.inquiry().id(), world.ana().id()).orElseThrow();
    assertEquals(before, snapshot(world));
    history.redo(world.inquiry().id(), world.ana().id()).orElseThrow();
    assertEquals(after, snapshot(world));
    history.undo(world.inquiry().id(), world.ana().id()).orElseThrow();
    assertEquals(before, snapshot(world));
  }

  private static World world(Fixtures f) {
    Inquiry inquiry = f.inquiry("Reuse of registry data");
    User ana = f.user("ana");
    User ben = f.user("ben");
    Case registry = f.aCase(inquiry, "Registry");
    Case emptyCase = f.aCase(inquiry, "Empty");
    Source interview = f.source(inquiry, ana, Optional.of(registry.id()), "Interview");
    f.tx().corpus().insertTurns(interview.id(), Fixtures.turns());
    Source notes = f.source(inquiry, ben, Optional.empty(), "Notes");
    Code root = f.code(inquiry, Optional.empty(), "Choices", 0);
    root = new Code(root.id(), inquiry.id(), Optional.empty(), "Choices", "#000000", "", false, 0);
    f.tx().coding().updateCode(root);
    Code k1 = f.code(inquiry, Optional.of(root), "Nature", 3);
    Code k2 = f.code(inquiry, Optional.of(root), "Uses", 4);
    Code k3 = f.code(inquiry, Optional.of(k1), "Pseudonymised", 5);
    Segment g1 = f.segment(interview, 10, 20);
    Segment g2 = f.segment(interview, 30, 40);
    Segment g3 = f.segment(notes, 0, 5);
    Coding coding1 = f.coding(g1, k1, ana);
    Coding coding2 = f.coding(g1, k2, ben);
    Coding coding3 = f.coding(g2, k3, ana);
    f.coding(g3, k2, ana);
    Memo memoOnSource = f.memo(inquiry, new ItemRef(ItemKind.SOURCE, interview.id().value()), ana);
    Memo memoOnCode = f.memo(inquiry, new ItemRef(ItemKind.CODE, k1.id().value()), ana);
    Memo memoOnSegment = f.memo(inquiry, new ItemRef(ItemKind.SEGMENT, g1.id().value()), ben);
    Memo memoOnCase = f.memo(inquiry, new ItemRef(ItemKind.CASE, registry.id().value()), ana);
    AttributeDefinition caseAttribute =
        f.attribute(inquiry, "Governance", AttributeType.TEXT, AttributeScope.CASE);
    AttributeDefinition sourceAttribute =
        f.attribute(inquiry, "Minutes", AttributeType.INTEGER, AttributeScope.SOURCE);
    f.tx()
        .attributes()
        .putValue(new AttributeValue(caseAttribute.id(), registry.id().value(), "Consortium"));
    f.tx()
        .attributes()
        .putValue(new AttributeValue(sourceAttribute.id(), interview.id().value(), "95"));
    return new World(
        inquiry,
        ana,
        ben,
        registry,
        emptyCase,
        interview,
        notes,
        root,
        k1,
        k2,
        k3,
        g1,
        g2,
        g3,
        coding1,
        coding2,
        coding3,
        memoOnSource,
        memoOnCode,
        memoOnSegment,
        memoOnCase,
        caseAttribute,
        sourceAttribute);
  }

  private static Map<String, Function<Scenario, Operation>> scenarios() {
    Map<String, Function<Scenario, Operation>> s = new LinkedHashMap<>();
    exchangeScenarios(s);
    s.put(
        "inquiry.update",
        c ->
            new InquiryOperations.UpdateInquiry(
                new Inquiry(
                    c.w().inquiry().id(),
                    "Renamed inquiry",
                    "Another description",
                    c.w().inquiry().createdAt())));
    s.put(
        "case.create",
        c ->
            new CaseOperations.CreateCase(
                new Case(new CaseId(c.id()), c.w().inquiry().id(), "New", Domain.SURVEY, "x")));
    s.put(
        "case.update",
        c ->
            new CaseOperations.UpdateCase(
                new Case(
                    c.w().registry().id(), c.w().inquiry().id(), "Renamed", Domain.CLAIMS, "y")));
    s.put("case.delete", c -> new CaseOperations.DeleteCase(c.w().registry().id()));
    s.put("case.restore", c -> new CaseOperations.DeleteCase(c.w().registry().id()).apply(c.tx()));
    s.put(
        "source.add",
        c -> {
          Source source = c.w().interview();
          Source added =
              new Source(
                  new SourceId(c.id()),
                  source.inquiryId(),
                  "Second interview",
                  SourceKind.INTERVIEW,
                  Optional.empty(),
                  "fr",
                  Optional.of(c.w().emptyCase().id()),
                  Confidentiality.SECRET,
                  "second.odt",
                  "application/vnd.oasis.opendocument.text",
                  source.originalDigest(),
                  source.textDigest(),
                  800,
                  Fixtures.T0,
                  c.w().ben().id());
          return new SourceOperations.AddSource(added, Fixtures.turns());
        });
    s.put(
        "source.update-metadata",
        c ->
            new SourceOperations.UpdateSourceMetadata(
                c.w().interview().id(),
                new SourceMetadata(
                    "Retitled",
                    SourceKind.DOCUMENT,
                    Optional.empty(),
                    "de",
                    Optional.of(c.w().emptyCase().id()),
                    Confidentiality.PUBLIC)));
    s.put("source.delete", c -> new SourceOperations.DeleteSource(c.w().interview().id()));
    s.put(
        "corpus.speaker-pattern.set",
        c ->
            new SourceOperations.SetSpeakerPattern(
                c.w().inquiry().id(), Optional.of("^(?<speaker>[A-Z]+) \\d+:\\d\\d$")));
    s.put(
        "source.restore",
        c -> new SourceOperations.DeleteSource(c.w().interview().id()).apply(c.tx()));
    s.put(
        "code.create",
        c ->
            new CodebookOperations.CreateCode(
                new Code(
                    new CodeId(c.id()),
                    c.w().inquiry().id(),
                    Optional.of(c.w().root().id()),
                    "Regulation",
                    "#aa0000",
                    "",
                    true,
                    2)));
    s.put(
        "code.update",
        c -> {
          Code k1 = c.w().k1();
          return new CodebookOperations.UpdateCode(
              new Code(
                  k1.id(),
                  k1.inquiryId(),
                  Optional.of(c.w().k2().id()),
                  "Moved",
                  "#00aa00",
                  "m",
                  false,
                  9));
        });
    s.put(
        "code.change",
        c -> {
          Code k1 = c.w().k1();
          CodeChange after =
              CodeChange.none()
                  .withName("Renamed")
                  .withDescription("d")
                  .withPlace(new CodePlace(Optional.of(c.w().k2().id()), 4));
          return new CodebookOperations.ChangeCode(k1.id(), after.currentIn(k1), after);
        });
    s.put("code.delete", c -> new CodebookOperations.DeleteCode(c.w().k1().id()));
    s.put("code.restore", c -> new CodebookOperations.DeleteCode(c.w().k1().id()).apply(c.tx()));
    s.put(
        "coding.add",
        c -> {
          Segment segment = new Segment(new SegmentId(c.id()), c.w().notes().id(), 50, 60, "q");
          return new CodingOperations.AddCoding(
              segment,
              new Coding(
                  new CodingId(c.id()),
                  segment.id(),
                  c.w().k3().id(),
                  c.w().ben().id(),
                  Fixtures.T0));
        });
    s.put("coding.remove", c -> new CodingOperations.RemoveCoding(c.w().coding3().id()));
    s.put(
        "coding.recode",
        c -> new CodingOperations.RecodeCoding(c.w().coding1().id(), c.w().k3().id()));
    s.put(
        "memo.create",
        c ->
            new MemoOperations.CreateMemo(
                new Memo(
                    new MemoId(c.id()),
                    c.w().inquiry().id(),
                    new ItemRef(ItemKind.CODE, c.w().k2().id().value()),
                    "New memo",
                    "Text",
                    c.w().ana().id(),
                    Fixtures.T0,
                    Fixtures.T0)));
    s.put(
        "memo.update",
        c -> {
          Memo memo = c.w().memoOnSource();
          return new MemoOperations.UpdateMemo(
              new Memo(
                  memo.id(),
                  memo.inquiryId(),
                  new ItemRef(ItemKind.CASE, c.w().emptyCase().id().value()),
                  "Changed",
                  "Changed text",
                  memo.authorId(),
                  memo.createdAt(),
                  memo.updatedAt().plusSeconds(60)));
        });
    s.put("memo.delete", c -> new MemoOperations.DeleteMemo(c.w().memoOnCode().id()));
    s.put(
        "attribute.define",
        c ->
            new AttributeOperations.DefineAttribute(
                new AttributeDefinition(
                    new AttributeId(c.id()),
                    c.w().inquiry().id(),
                    "Opened",
                    AttributeType.DATE,
                    AttributeScope.CASE,
                    "")));
    s.put(
        "attribute.update",
        c -> {
          AttributeDefinition d = c.w().caseAttribute();
          return new AttributeOperations.UpdateAttribute(
              new AttributeDefinition(
                  d.id(), d.inquiryId(), "Governance body", d.type(), d.scope(), "Who decides"));
        });
    s.put(
        "attribute.delete",
        c -> new AttributeOperations.DeleteAttribute(c.w().caseAttribute().id()));
    s.put(
        "attribute.restore",
        c -> new AttributeOperations.DeleteAttribute(c.w().sourceAttribute().id()).apply(c.tx()));
    s.put(
        "attribute.set-value",
        c ->
            new AttributeOperations.SetAttributeValue(
                c.w().sourceAttribute().id(), c.w().notes().id().value(), Optional.of(" 42 ")));
    s.put(
        "composite",
        c -> {
          Code code =
              new Code(
                  new CodeId(c.id()),
                  c.w().inquiry().id(),
                  Optional.of(c.w().root().id()),
                  "Tension",
                  "#0000aa",
                  "",
                  true,
                  3);
          Segment segment = new Segment(new SegmentId(c.id()), c.w().notes().id(), 7, 9, "q");
          Coding coding =
              new Coding(
                  new CodingId(c.id()), segment.id(), code.id(), c.w().ana().id(), Fixtures.T0);
          return new CompositeOperation(
              "Code a passage with a new code",
              List.of(
                  new CodebookOperations.CreateCode(code),
                  new CodingOperations.AddCoding(segment, coding),
                  new AttributeOperations.SetAttributeValue(
                      c.w().caseAttribute().id(), c.w().registry().id().value(), Optional.empty()),
                  new MemoOperations.DeleteMemo(c.w().memoOnCase().id())));
        });
    JourneyUndoScenarios.addTo(s);
    return s;
  }

  private Snapshot snapshot(World w) {
    return inTx(
        tx -> {
          InquiryId inquiry = w.inquiry().id();
          List<Case> cases = tx.inquiries().listCases(inquiry);
          List<Source> sources = tx.corpus().listSources(inquiry);
          Set<SourceId> sourceIds =
              new LinkedHashSet<>(List.of(w.interview().id(), w.notes().id()));
          sources.forEach(source -> sourceIds.add(source.id()));
          Map<SourceId, List<SpeakerTurn>> turns = new LinkedHashMap<>();
          Map<SourceId, List<Segment>> segments = new LinkedHashMap<>();
          Set<SegmentId> segmentIds =
              new LinkedHashSet<>(List.of(w.g1().id(), w.g2().id(), w.g3().id()));
          for (SourceId id : sourceIds) {
            turns.put(id, tx.corpus().turns(id));
            List<Segment> ofSource = tx.coding().segmentsOf(id);
            segments.put(id, ofSource);
            ofSource.forEach(segment -> segmentIds.add(segment.id()));
          }
          Map<SegmentId, List<Coding>> codings = new LinkedHashMap<>();
          segmentIds.forEach(id -> codings.put(id, tx.coding().codingsOfSegment(id)));
          List<AttributeDefinition> definitions = tx.attributes().listDefinitions(inquiry);
          Set<AttributeId> attributeIds =
              new LinkedHashSet<>(List.of(w.caseAttribute().id(), w.sourceAttribute().id()));
          definitions.forEach(d -> attributeIds.add(d.id()));
          Map<AttributeId, List<AttributeValue>> byAttribute = new LinkedHashMap<>();
          attributeIds.forEach(id -> byAttribute.put(id, tx.attributes().valuesOf(id)));
          Set<Long> owners = new LinkedHashSet<>();
          cases.forEach(theCase -> owners.add(theCase.id().value()));
          sourceIds.forEach(id -> owners.add(id.value()));
          owners.add(w.registry().id().value());
          Map<Long, List<AttributeValue>> byOwner = new LinkedHashMap<>();
          owners.forEach(owner -> byOwner.put(owner, tx.attributes().valuesOfOwner(owner)));
          return new Snapshot(
              tx.inquiries().listInquiries(),
              cases,
              sources,
              turns,
              tx.coding().listCodes(inquiry),
              segments,
              codings,
              tx.memos().list(inquiry),
              definitions,
              byAttribute,
              byOwner,
              JourneyUndoScenarios.JourneyState.of(tx, inquiry),
              tx.sets().list(inquiry),
              tx.links().list(inquiry),
              tx.guids().list(inquiry),
              tx.corpus().speakerPattern(inquiry));
        });
  }

  private static ItemSet aSet(Scenario c) {
    return new ItemSet(
        new SetId(c.id()),
        c.w().inquiry().id(),
        "Privacy",
        "",
        List.of(
            new ItemRef(ItemKind.CODE, c.w().k1().id().value()),
            new ItemRef(ItemKind.SOURCE, c.w().notes().id().value())));
  }

  private static Link aLink(Scenario c) {
    return new Link(
        new LinkId(c.id()),
        c.w().inquiry().id(),
        new ItemRef(ItemKind.CODE, c.w().k1().id().value()),
        new ItemRef(ItemKind.MEMO, c.w().memoOnCase().id().value()),
        "explains",
        LinkDirection.ONE_WAY,
        Optional.of("#123456"));
  }

  private static ItemGuid aGuid(Scenario c) {
    return new ItemGuid(
        new ItemRef(ItemKind.CODE, c.w().k2().id().value()),
        "c0000000-0000-4000-8000-000000000001");
  }

  private static void exchangeScenarios(Map<String, Function<Scenario, Operation>> s) {
    s.put("set.create", c -> new SetOperations.CreateSet(aSet(c)));
    s.put(
        "set.update",
        c -> {
          ItemSet set = aSet(c);
          c.tx().sets().insert(set);
          return new SetOperations.UpdateSet(
              set.withMembers(List.of(new ItemRef(ItemKind.CASE, c.w().registry().id().value()))));
        });
    s.put(
        "set.delete",
        c -> {
          ItemSet set = aSet(c);
          c.tx().sets().insert(set);
          return new SetOperations.DeleteSet(set.id());
        });
    s.put("link.create", c -> new LinkOperations.CreateLink(aLink(c)));
    s.put(
        "link.update",
        c -> {
          Link link = aLink(c);
          c.tx().links().insert(link);
          return new LinkOperations.UpdateLink(
              new Link(
                  link.id(),
                  link.inquiryId(),
                  link.target(),
                  link.origin(),
                  "",
                  LinkDirection.BIDIRECTIONAL,
                  Optional.empty()));
        });
    s.put(
        "link.delete",
        c -> {
          Link link = aLink(c);
          c.tx().links().insert(link);
          return new LinkOperations.DeleteLink(link.id());
        });
    s.put(
        "exchange.guids.record",
        c -> new ExchangeOperations.RecordGuids(c.w().inquiry().id(), List.of(aGuid(c))));
    s.put(
        "exchange.guids.forget",
        c -> {
          c.tx().guids().put(c.w().inquiry().id(), aGuid(c));
          return new ExchangeOperations.ForgetGuids(c.w().inquiry().id(), List.of(aGuid(c)));
        });
  }
}
