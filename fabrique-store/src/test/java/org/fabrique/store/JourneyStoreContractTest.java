package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.ExtractedText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.corpus.TextExtractor;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.history.History;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.ConditionChange;
import org.fabrique.core.journey.Constraint;
import org.fabrique.core.journey.ConstraintKind;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.DatasetVersions;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.Field;
import org.fabrique.core.journey.Flow;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.journey.LineageService;
import org.fabrique.core.journey.Participation;
import org.fabrique.core.journey.Position;
import org.fabrique.core.journey.Span;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.journey.UseCondition;
import org.fabrique.core.journey.query.SavedQuery;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.store.Store;
import org.fabrique.core.user.User;
import org.fabrique.core.vocabulary.VocabularyName;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The journey store's contract, run on SQLite and PostgreSQL. */
abstract class JourneyStoreContractTest extends StoreTestCase {
  private static final Instant T0 = Instant.parse("2025-03-01T09:00:00.123456789Z");

  private record World(Inquiry inquiry, Case theCase, User user, Source source) {}

  private World world() {
    String text = "The data manager said: we keep the year of birth only.";
    String digest = store.blobs().put(text.getBytes(StandardCharsets.UTF_8));
    return withFixtures(
        f -> {
          Inquiry inquiry = f.inquiry("Reuse");
          User user = f.user("ana");
          Case theCase = f.aCase(inquiry, "Cohort to model");
          Source source =
              new Source(
                  new SourceId(f.id()),
                  inquiry.id(),
                  "Field note",
                  SourceKind.FIELD_NOTE,
                  Optional.empty(),
                  "en",
                  Optional.of(theCase.id()),
                  Confidentiality.CONFIDENTIAL,
                  "note.txt",
                  "text/plain",
                  digest,
                  digest,
                  text.length(),
                  T0,
                  user.id());
          f.tx().corpus().insertSource(source);
          return new World(inquiry, theCase, user, source);
        });
  }

  private JourneyService journeys() {
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    History history = new History(store, clock);
    TextExtractor none =
        new TextExtractor() {
          @Override
          public ExtractedText extract(String fileName, java.nio.file.Path file) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Optional<String> detectLanguage(String text) {
            return Optional.empty();
          }
        };
    return new JourneyService(store, history, new CorpusService(store, history, none, clock));
  }

  private ElementHeader header(World w, String label) {
    return ElementHeader.of(
        new ElementId(inTx(tx -> tx.newId())), w.inquiry().id(), w.theCase().id(), label);
  }

  @Test
  void everyKindOfElementIsReadBackExactlyAsItWasWritten() {
    World w = world();
    DataObject cohort =
        DataObject.of(header(w, "Cohort"), DataObjectType.SOURCE_DATABASE)
            .withIdentifiability("identifying")
            .withFields(List.of(new Field("nir", "string", "national id")))
            .withUseConditions(List.of(new UseCondition("DUO:0000006", "")))
            .withExternal("cohort/raw", Map.of("schema", "{\"fields\":[]}"));
    DataObject extract = DataObject.of(header(w, "Extract"), DataObjectType.DATASET);
    Actor dm = new Actor(header(w, "DM-1"), ActorType.PERSON, Optional.of("Jeanne Martin"));
    Intervention pseudo =
        Intervention.of(
                header(w, "Pseudonymise"),
                "pseudonymisation",
                List.of(cohort.id()),
                List.of(extract.id()))
            .withTimes(Optional.of(T0), Optional.empty())
            .withConditionChanges(
                List.of(
                    new ConditionChange(
                        ConditionChange.Effect.ADD,
                        new UseCondition("DUO:0000019", ""),
                        Optional.empty())));
    Choice choice =
        Choice.of(
                header(w, "Year only?"),
                Set.of(Dimension.NATURE, Dimension.REGULATION),
                List.of(pseudo.id()))
            .decided(
                List.of(new ChoiceOption("year", List.of(dm.id()))),
                0,
                "risk",
                "consensus",
                List.of(dm.id()),
                Optional.of(LocalDate.of(2025, 2, 20)))
            .withConstraints(
                List.of(
                    new Constraint(ConstraintKind.LEGAL_BASIS, "A9-2-j", "", Optional.empty())));
    Tension tension =
        Tension.open(
            header(w, "Precision"),
            List.of(choice.id()),
            "utility-privacy",
            List.of(new Position(dm.id(), "for", "because")));
    List<JourneyElement> all = List.of(cohort, extract, dm, pseudo, choice, tension);
    doInTx(tx -> all.forEach(tx.journeys()::insert));

    for (JourneyElement element : all) {
      assertEquals(Optional.of(element), inTx(tx -> tx.journeys().find(element.id())));
    }
    assertEquals(all, inTx(tx -> tx.journeys().list(w.inquiry().id())));
    assertEquals(
        List.of(pseudo), inTx(tx -> tx.journeys().list(w.inquiry().id(), ItemKind.INTERVENTION)));
    assertEquals(
        Optional.of(cohort),
        inTx(
            tx ->
                tx.journeys()
                    .findByExternalName(w.inquiry().id(), ItemKind.DATA_OBJECT, "cohort/raw")));
    assertEquals(List.of(pseudo), inTx(tx -> tx.journeys().referencing(cohort.id())));
    assertEquals(
        List.of(
            new Flow(pseudo.id(), cohort.id(), Flow.Direction.INPUT, Optional.of(T0), ""),
            new Flow(pseudo.id(), extract.id(), Flow.Direction.OUTPUT, Optional.of(T0), "")),
        inTx(tx -> tx.journeys().flows(w.inquiry().id())));
  }

  @Test
  void theRevisionChangesWhenFlowsChangeAndFlowsFollowUpdatesAndDeletes() {
    World w = world();
    DataObject a = DataObject.of(header(w, "a"), DataObjectType.DATASET);
    DataObject b = DataObject.of(header(w, "b"), DataObjectType.DATASET);
    Intervention ab =
        Intervention.of(header(w, "ab"), "cleaning", List.of(a.id()), List.of(b.id()));
    long before = inTx(tx -> tx.journeys().revision(w.inquiry().id()));
    doInTx(tx -> List.of(a, b, ab).forEach(tx.journeys()::insert));
    long after = inTx(tx -> tx.journeys().revision(w.inquiry().id()));
    assertTrue(after > before);
    doInTx(tx -> tx.journeys().update(ab.withFlows(List.of(b.id()), List.of(a.id()))));
    assertEquals(
        List.of(
            new Flow(ab.id(), b.id(), Flow.Direction.INPUT),
            new Flow(ab.id(), a.id(), Flow.Direction.OUTPUT)),
        inTx(tx -> tx.journeys().flows(w.inquiry().id())));
    doInTx(tx -> tx.journeys().delete(ab.id()));
    assertEquals(List.of(), inTx(tx -> tx.journeys().flows(w.inquiry().id())));
    assertEquals(List.of(), inTx(tx -> tx.journeys().referencing(a.id())));
    assertTrue(inTx(tx -> tx.journeys().revision(w.inquiry().id())) > after);
    assertThrows(ConflictException.class, () -> doInTx(tx -> tx.journeys().delete(ab.id())));
  }

  /** The crab-apple story: apples picked in September and in October, cider made in between. */
  private record Orchard(
      DataObject apples,
      DataObject cider,
      DataObject jelly,
      Intervention pickSeptember,
      Intervention press,
      Intervention pickOctober,
      Intervention boil) {
    List<JourneyElement> all() {
      return List.of(apples, cider, jelly, pickSeptember, press, pickOctober, boil);
    }
  }

  private Orchard orchard(World w) {
    DataObject apples = DataObject.of(header(w, "crab apples"), DataObjectType.DATASET);
    DataObject cider = DataObject.of(header(w, "cider"), DataObjectType.DATASET);
    DataObject jelly = DataObject.of(header(w, "jelly"), DataObjectType.DATASET);
    Intervention pickSeptember =
        Intervention.of(header(w, "pick"), "extraction", List.of(), List.of(apples.id()))
            .withTimes(Optional.of(day("09-14")), Optional.of(day("09-15")));
    Intervention press =
        Intervention.of(header(w, "press"), "cleaning", List.of(apples.id()), List.of(cider.id()))
            .withTimes(Optional.of(day("09-20")), Optional.of(day("09-21")));
    Intervention pickOctober =
        Intervention.of(header(w, "pick"), "extraction", List.of(), List.of(apples.id()))
            .withTimes(Optional.of(day("10-14")), Optional.of(day("10-15")))
            .withExternal(
                "orchard/pick#october",
                Map.of(
                    Intervention.versionKey(Flow.Direction.OUTPUT, apples.id()),
                    "2026-10-harvest"));
    Intervention boil =
        Intervention.of(header(w, "boil"), "cleaning", List.of(apples.id()), List.of(jelly.id()))
            .withTimes(Optional.of(day("10-20")), Optional.empty());
    return new Orchard(apples, cider, jelly, pickSeptember, press, pickOctober, boil);
  }

  private static Instant day(String monthDay) {
    return Instant.parse("2026-" + monthDay + "T10:00:00Z");
  }

  private void assertTheStoryFollowsVersions(Orchard o, Store opened) {
    LineageService lineage = new LineageService(opened);
    assertEquals(
        List.of(o.apples().id(), o.boil().id(), o.jelly().id()),
        lineage.downstream(o.pickOctober().id(), LineageService.UNLIMITED).nodes().stream()
            .map(n -> n.id())
            .toList());
    assertEquals(
        List.of(o.apples().id(), o.pickOctober().id()),
        lineage.upstream(o.boil().id(), LineageService.UNLIMITED).nodes().stream()
            .map(n -> n.id())
            .toList());
    List<DatasetVersions.Version> versions = lineage.versions(o.apples().id());
    assertEquals(List.of("v1", "2026-10-harvest"), versions.stream().map(v -> v.label()).toList());
    assertEquals(
        List.of(o.press().id()),
        lineage.downstream(o.apples().id(), 1, 1).nodes().stream()
            .filter(n -> n.kind() == ItemKind.INTERVENTION)
            .map(n -> n.id())
            .toList());
  }

  @Test
  void flowsKeepTheirTimesAndVersionsAndLineageFollowsTheVersions() {
    World w = world();
    Orchard o = orchard(w);
    doInTx(tx -> o.all().forEach(tx.journeys()::insert));
    assertEquals(
        List.of(
            new Flow(
                o.pickOctober().id(),
                o.apples().id(),
                Flow.Direction.OUTPUT,
                Optional.of(day("10-15")),
                "2026-10-harvest")),
        inTx(tx -> tx.journeys().flows(w.inquiry().id())).stream()
            .filter(f -> f.intervention().equals(o.pickOctober().id()))
            .toList());
    assertTheStoryFollowsVersions(o, store);
  }

  @Test
  void flowsWrittenBeforeVersionsExistedTakeTheTimesOfTheirInterventions() {
    Assumptions.assumeTrue(store instanceof JdbcStore, "a migration of the databases");
    World w = world();
    Orchard o = orchard(w);
    doInTx(tx -> o.all().forEach(tx.journeys()::insert));
    // the database as the releases before migration V160 left it
    jdbc()
        .jdbi()
        .useHandle(
            h -> {
              h.execute("ALTER TABLE journey_flows DROP COLUMN happened_at");
              h.execute("ALTER TABLE journey_flows DROP COLUMN version_name");
              h.execute("DELETE FROM flyway_schema_history WHERE version = '160'");
            });
    store.close();
    store = database.open(dataDir);
    assertEquals(
        List.of(
            new Flow(
                o.boil().id(),
                o.apples().id(),
                Flow.Direction.INPUT,
                Optional.of(day("10-20")),
                ""),
            new Flow(
                o.boil().id(),
                o.jelly().id(),
                Flow.Direction.OUTPUT,
                Optional.of(day("10-20")),
                "")),
        inTx(tx -> tx.journeys().flows(w.inquiry().id())).stream()
            .filter(f -> f.intervention().equals(o.boil().id()))
            .toList());
    LineageService lineage = new LineageService(store);
    assertEquals(
        List.of(o.apples().id(), o.boil().id(), o.jelly().id()),
        lineage.downstream(o.pickOctober().id(), LineageService.UNLIMITED).nodes().stream()
            .map(n -> n.id())
            .toList());
  }

  @Test
  void participationsEvidenceAndTermsAreKept() {
    World w = world();
    JourneyService service = journeys();
    DataObject a =
        service.create(w.user().id(), DataObject.of(header(w, "a"), DataObjectType.DATASET));
    DataObject b =
        service.create(w.user().id(), DataObject.of(header(w, "b"), DataObjectType.DATASET));
    Intervention ab =
        service.create(
            w.user().id(),
            Intervention.of(header(w, "ab"), "cleaning", List.of(a.id()), List.of(b.id())));
    Actor dm =
        service.create(
            w.user().id(), new Actor(header(w, "DM-1"), ActorType.PERSON, Optional.empty()));
    Participation role = service.addParticipation(w.user().id(), dm.id(), "data-manager", ab.id());
    Evidence quote =
        service.addEvidence(
            w.user().id(), ab.id(), w.source().id(), Optional.of(new Span(23, 54)), "note");
    Evidence whole =
        service.addEvidence(w.user().id(), ab.id(), w.source().id(), Optional.empty(), "");
    service.addTerm(
        w.user().id(),
        w.inquiry().id(),
        VocabularyName.ROLES,
        "archivist",
        "archivist",
        "archiviste");

    assertEquals(List.of(role), service.participationsOf(dm.ref()));
    assertEquals(List.of(role), service.participationsOf(ab.ref()));
    assertEquals(List.of(quote, whole), service.evidenceOf(ab.id()));
    assertEquals("we keep the year of birth only.", quote.quote());
    assertEquals(List.of(quote, whole), service.evidenceInSource(w.source().id()));
    assertTrue(service.vocabulary(w.inquiry().id(), VocabularyName.ROLES).contains("archivist"));
  }

  @Test
  void savedQueriesAreKeptByNameOneNamePerInquiry() {
    World w = world();
    SavedQuery uses =
        new SavedQuery(
            new ElementId(inTx(tx -> tx.newId())),
            w.inquiry().id(),
            "Uses",
            Map.of("dimension", List.of("uses")));
    SavedQuery regulation =
        new SavedQuery(
            new ElementId(inTx(tx -> tx.newId())),
            w.inquiry().id(),
            "Regulation",
            Map.of("kind", List.of("choice", "tension"), "domain", List.of("genomics")));
    doInTx(tx -> tx.journeys().putQuery(uses));
    doInTx(tx -> tx.journeys().putQuery(regulation));
    assertEquals(List.of(regulation, uses), inTx(tx -> tx.journeys().queries(w.inquiry().id())));
    assertEquals(
        List.of("choice", "tension"),
        inTx(tx -> tx.journeys().findQuery(regulation.id()))
            .orElseThrow()
            .parameters()
            .get("kind"));
    SavedQuery renamed = new SavedQuery(uses.id(), w.inquiry().id(), "Uses of data", Map.of());
    doInTx(tx -> tx.journeys().putQuery(renamed));
    assertEquals(Optional.of(renamed), inTx(tx -> tx.journeys().findQuery(uses.id())));
    SavedQuery sameName =
        new SavedQuery(
            new ElementId(inTx(tx -> tx.newId())), w.inquiry().id(), "Regulation", Map.of());
    assertThrows(ConflictException.class, () -> doInTx(tx -> tx.journeys().putQuery(sameName)));
    doInTx(tx -> tx.journeys().deleteQuery(uses.id()));
    assertEquals(List.of(regulation), inTx(tx -> tx.journeys().queries(w.inquiry().id())));
    assertThrows(ConflictException.class, () -> doInTx(tx -> tx.journeys().deleteQuery(uses.id())));
  }

  @Test
  void comparisonReportsAreRecordedOncePerInquiryAndDataObject() {
    World w = world();
    ElementId element = new ElementId(inTx(tx -> tx.newId()));
    org.fabrique.core.journey.ComparisonReport first =
        new org.fabrique.core.journey.ComparisonReport("ab12", w.inquiry().id(), element, T0);
    doInTx(tx -> tx.journeys().keepReport(first));
    doInTx(
        tx ->
            tx.journeys()
                .keepReport(
                    new org.fabrique.core.journey.ComparisonReport(
                        "ab12", w.inquiry().id(), element, T0.plusSeconds(5))));
    assertEquals(List.of(first), inTx(tx -> tx.journeys().reports("ab12")));
    assertEquals(List.of(), inTx(tx -> tx.journeys().reports("cd34")));
    assertEquals(Set.of("ab12"), inTx(tx -> tx.journeys().reportDigests()));
  }

  @Test
  void journeyOperationsAreRecordedAndUndoneThroughTheStoredHistory() {
    World w = world();
    JourneyService service = journeys();
    History history = new History(store, Clock.fixed(T0, ZoneOffset.UTC));
    DataObject a =
        service.create(w.user().id(), DataObject.of(header(w, "a"), DataObjectType.DATASET));
    DataObject b =
        service.create(w.user().id(), DataObject.of(header(w, "b"), DataObjectType.DATASET));
    Intervention ab =
        service.create(
            w.user().id(),
            Intervention.of(header(w, "ab"), "cleaning", List.of(a.id()), List.of(b.id())));
    service.addEvidence(w.user().id(), ab.id(), w.source().id(), Optional.empty(), "");
    LineageService lineage = new LineageService(store);
    assertEquals(2, lineage.upstream(b.id(), 5).nodes().size());

    service.delete(w.user().id(), ab.id());
    assertEquals(0, lineage.upstream(b.id(), 5).nodes().size());
    history.undo(w.inquiry().id(), w.user().id());
    assertEquals(Optional.of(ab), service.find(ab.id()));
    assertEquals(1, service.evidenceOf(ab.id()).size());
    assertEquals(2, lineage.upstream(b.id(), 5).nodes().size());
    history.redo(w.inquiry().id(), w.user().id());
    assertEquals(Optional.empty(), service.find(ab.id()));
  }

  @Test
  void aFailedBatchLeavesTheInquiryAsItWas() {
    World w = world();
    JourneyService service = journeys();
    assertThrows(
        RuntimeException.class,
        () ->
            service.batch(
                w.inquiry().id(),
                w.user().id(),
                "import",
                batch -> {
                  batch.create(DataObject.of(header(w, "a"), DataObjectType.DATASET));
                  batch.create(
                      Intervention.of(
                          header(w, "bad"), "cleaning", List.of(new ElementId(-5)), List.of()));
                  return null;
                }));
    assertEquals(List.of(), service.elements(w.inquiry().id()));
  }
}
