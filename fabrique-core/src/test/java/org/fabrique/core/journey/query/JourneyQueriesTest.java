package org.fabrique.core.journey.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.analysis.JourneyAnalytics;
import org.fabrique.core.analysis.Matrix;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyFixture;
import org.fabrique.core.journey.Position;
import org.fabrique.core.journey.Span;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.memo.ItemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JourneyQueriesTest {
  private final JourneyFixture fixture;
  private final JourneyQueries queries;
  private final CaseId genomics;
  private final Actor lawyer;
  private final Actor bioinformatician;
  private final Actor committee;
  private final Choice consent;
  private final Choice legalBasis;
  private final Choice sharing;
  private final Choice yearOnly;
  private final Tension tension;
  private final Intervention pseudonymise;
  private final Code practices;

  /**
   * A genomics case where a bioinformatician decides on consent (regulation) with evidence, a
   * lawyer on the legal basis, the bioinformatician on sharing (uses), and a tension about consent
   * resolved by negotiation; a cohort case where an ethics committee decides on the nature of the
   * data of a pseudonymisation.
   */
  JourneyQueriesTest(@TempDir Path folder) {
    fixture = new JourneyFixture(folder);
    queries = fixture.journeys.queries();
    genomics = fixture.newCase("Biobank", Domain.GENOMICS);
    lawyer = actor("JUR-1", ActorType.PERSON, "lawyer", "");
    bioinformatician = actor("BIO-1", ActorType.PERSON, "bioinformatician", "Genome centre");
    committee = actor("CE-1", ActorType.COMMITTEE, "ethics-committee", "");
    consent =
        decided(
            "Consent model?", Dimension.REGULATION, bioinformatician, "Broad consent covers it");
    legalBasis = decided("Legal basis?", Dimension.REGULATION, lawyer, "Public interest");
    sharing = decided("Share with industry?", Dimension.USES, bioinformatician, "");
    Tension open =
        fixture.journeys.create(
            fixture.user,
            Tension.open(
                inGenomics("Consent scope"),
                List.of(consent.id()),
                "utility-privacy",
                List.of(new Position(lawyer.id(), "against", "Too broad"))));
    tension =
        fixture.journeys.update(
            fixture.user,
            open.resolved("negotiation", "A narrower consent form", Optional.empty()));
    DataObject raw = fixture.dataset("Raw");
    DataObject extract = fixture.dataset("Extract");
    pseudonymise = fixture.intervention("Pseudonymise", "pseudonymisation", raw, extract);
    Choice year = fixture.choice("Year only?", Dimension.NATURE, pseudonymise);
    yearOnly =
        fixture.journeys.update(
            fixture.user,
            year.decided(
                List.of(new ChoiceOption("Year", List.of())),
                0,
                "",
                "",
                List.of(committee.id()),
                Optional.empty()));
    fixture.journeys.addEvidence(
        fixture.user, consent.id(), fixture.note, Optional.of(new Span(4, 16)), "");
    CodingService coding =
        new CodingService(
            fixture.store,
            fixture.history,
            fixture.corpus,
            Clock.fixed(JourneyFixture.NOW, ZoneOffset.UTC));
    practices =
        coding.createCode(fixture.inquiry, fixture.user, CodingService.NewCode.named("Practices"));
    coding.code(fixture.user, fixture.note, 0, 16, practices.id());
  }

  private ElementHeader inGenomics(String label) {
    return ElementHeader.of(fixture.journeys.newId(), fixture.inquiry, genomics, label);
  }

  private Actor actor(String pseudonym, ActorType type, String category, String institution) {
    return fixture.journeys.create(
        fixture.user,
        new Actor(fixture.header(pseudonym), type, Optional.empty(), category, institution));
  }

  private Choice decided(String question, Dimension dimension, Actor by, String rationale) {
    Choice choice =
        fixture.journeys.create(
            fixture.user, Choice.of(inGenomics(question), Set.of(dimension), List.of()));
    return fixture.journeys.update(
        fixture.user,
        choice.decided(
            List.of(new ChoiceOption("Yes", List.of()), new ChoiceOption("No", List.of())),
            0,
            rationale,
            "consensus",
            List.of(by.id()),
            Optional.of(LocalDate.parse("2026-02-10"))));
  }

  private List<ElementId> ids(String... parameters) {
    return queries.run(fixture.inquiry, query(parameters)).stream().map(JourneyRow::id).toList();
  }

  private static JourneyQuery query(String... parameters) {
    Map<String, List<String>> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < parameters.length; i += 2) {
      map.computeIfAbsent(parameters[i], k -> new java.util.ArrayList<>()).add(parameters[i + 1]);
    }
    return JourneyQuery.parse(map);
  }

  @Test
  void regulationChoicesInGenomicsDecidedByNeitherLawyersNorCommitteesComeWithTheirTension() {
    List<JourneyRow> rows =
        queries.run(
            fixture.inquiry,
            query(
                "kind", "choice",
                "domain", "genomics",
                "dimension", "regulation",
                "role", "decided",
                "not-actor-category", "lawyer,ethics-committee,data-access-committee"));
    assertEquals(List.of(consent.id()), rows.stream().map(JourneyRow::id).toList());
    JourneyRow row = rows.get(0);
    assertEquals("Broad consent covers it", row.rationale());
    assertEquals("Biobank", row.caseName());
    assertEquals(Optional.of(Domain.GENOMICS), row.domain());
    assertEquals("consensus", row.decisionMode());
    assertEquals(List.of("regulation"), row.dimensions());
    assertEquals(
        List.of(
            new JourneyRow.RowActor(
                bioinformatician.id(),
                "BIO-1",
                "bioinformatician",
                "Genome centre",
                "decided",
                "")),
        row.actors());
    JourneyRow.Quote quote = row.quotes().get(0);
    assertEquals("data manager", quote.text());
    assertEquals("Field note 1", quote.sourceTitle());
    assertEquals(Optional.of(new Span(4, 16)), quote.span());
    assertEquals(List.of(new JourneyRow.CodeLabel(practices.id(), "Practices")), quote.codes());
    assertEquals(
        List.of(
            new JourneyRow.Related(
                ItemKind.TENSION,
                tension.id(),
                "Consent scope",
                "resolved",
                "negotiation",
                "A narrower consent form")),
        row.related());
  }

  @Test
  void tensionsTakeTheDimensionsOfTheChoicesTheyAreAbout() {
    assertEquals(List.of(tension.id()), ids("kind", "tension", "dimension", "regulation"));
    assertEquals(List.of(), ids("kind", "tension", "dimension", "uses"));
    assertEquals(List.of(tension.id()), ids("kind", "tension", "resolution-mode", "negotiation"));
  }

  @Test
  void interventionsAreFoundByTheChoicesTheyCarryAndChoicesByTheirInterventions() {
    assertEquals(List.of(pseudonymise.id()), ids("kind", "intervention", "dimension", "nature"));
    assertEquals(
        List.of(yearOnly.id()), ids("kind", "choice", "intervention-type", "pseudonymisation"));
    String about = Long.toString(pseudonymise.id().value());
    assertEquals(List.of(yearOnly.id()), ids("concerning", about, "kind", "choice"));
    assertEquals(4, ids("concerning", about).size());
  }

  @Test
  void filtersCombineOnActorsEvidenceCodesDatesAndStatus() {
    assertEquals(
        List.of(consent.id(), sharing.id()),
        ids("actor", Long.toString(bioinformatician.id().value())));
    assertEquals(List.of(legalBasis.id(), tension.id()), ids("actor-category", "lawyer"));
    assertEquals(List.of(legalBasis.id()), ids("actor-category", "lawyer", "role", "decided"));
    assertEquals(
        List.of(legalBasis.id(), sharing.id(), yearOnly.id()),
        ids("kind", "choice", "evidence", "without"));
    assertEquals(List.of(consent.id()), ids("evidence", "with"));
    assertEquals(List.of(consent.id()), ids("code", Long.toString(practices.id().value())));
    assertEquals(
        List.of(consent.id(), legalBasis.id(), sharing.id()),
        ids("from", "2026-02-01", "to", "2026-02-28"));
    assertEquals(List.of(), ids("from", "2026-03-01"));
    assertEquals(List.of(tension.id()), ids("status", "resolved"));
    assertEquals(List.of(tension.id()), ids("type", "utility-privacy"));
    assertEquals(List.of(pseudonymise.id()), ids("type", "pseudonymisation"));
    assertEquals(
        List.of(consent.id(), legalBasis.id(), sharing.id(), tension.id()),
        ids("case", Long.toString(genomics.value())));
  }

  @Test
  void aQuoteNamesItsSpeakerAndTimeForCitation() {
    fixture.store.inTransaction(
        tx -> {
          tx.corpus()
              .insertTurns(
                  fixture.note, List.of(new SpeakerTurn(0, 23, "DC04", Optional.of("12:31"))));
          return null;
        });
    JourneyRow.Quote quote =
        queries.run(fixture.inquiry, query("evidence", "with")).get(0).quotes().get(0);
    assertEquals(Optional.of("DC04"), quote.speaker());
    assertEquals("Field note 1, 12:31", quote.citation());
  }

  @Test
  void anElementsQuotesCarryTheCodesOnTheirPassage() {
    List<JourneyRow.Quote> quotes = queries.quotes(consent.id());
    assertEquals(1, quotes.size());
    assertEquals("data manager", quotes.get(0).text());
    assertEquals(
        List.of(new JourneyRow.CodeLabel(practices.id(), "Practices")), quotes.get(0).codes());
    assertEquals(List.of(), queries.quotes(legalBasis.id()));
  }

  @Test
  void countsCompareWhoDecidesAcrossDomains() {
    Matrix counts =
        queries.counts(
            fixture.inquiry,
            query("kind", "choice", "role", "decided"),
            JourneyAnalytics.Across.DOMAINS);
    assertEquals(
        List.of("cohort", "genomics", "—"),
        counts.columns().stream().map(Matrix.Header::key).toList());
    assertEquals(
        List.of("all", "bioinformatician", "ethics-committee", "lawyer"),
        counts.rows().stream().map(Matrix.Header::key).toList());
    assertEquals(
        List.of(List.of(1L, 3L, 0L), List.of(0L, 2L, 0L), List.of(1L, 0L, 0L), List.of(0L, 1L, 0L)),
        counts.cells().stream()
            .map(r -> r.stream().map(c -> c.value(Matrix.Measure.SEGMENTS)).toList())
            .toList());
  }

  @Test
  void aQueryReadsBackTheParametersItWrites() {
    JourneyQuery query =
        query(
            "kind", "choice,claim",
            "dimension", "regulation",
            "not-actor-category", "lawyer",
            "from", "2026-01-01",
            "evidence", "with");
    assertEquals(Set.of(ItemKind.CHOICE, ItemKind.KNOWLEDGE_CLAIM), query.kinds());
    assertEquals(query, JourneyQuery.parse(query.parameters()));
    assertEquals(
        "kind=choice&kind=knowledge-claim&dimension=regulation&not-actor-category=lawyer"
            + "&from=2026-01-01&evidence=with",
        query.queryString());
    assertEquals(JourneyQuery.everything(), JourneyQuery.parse(Map.of()));
  }

  @Test
  void malformedFiltersAreRefusedAllAtOnce() {
    InvalidInputException refused =
        assertThrows(
            InvalidInputException.class,
            () -> query("kind", "source", "from", "2026-13-01", "colour", "red"));
    assertEquals(3, refused.problems().size());
    InvalidInputException unknown =
        assertThrows(InvalidInputException.class, () -> ids("actor-category", "astronaut"));
    assertEquals("Unknown term astronaut in vocabulary actor-categories", unknown.getMessage());
    assertThrows(InvalidInputException.class, () -> ids("case", "999999"));
    assertThrows(
        InvalidInputException.class, () -> query("from", "2026-02-01", "to", "2026-01-01"));
  }

  @Test
  void aQueryKeptBetweenRunsSeesEveryChangeUndoAndRedo() {
    JourneyQuery regulation =
        JourneyQuery.parse(Map.of("kind", List.of("choice"), "dimension", List.of("regulation")));
    int before = queries.run(fixture.inquiry, regulation).size();
    assertEquals(before, queries.run(fixture.inquiry, regulation).size(), "the same twice");
    decided("Opt-out for minors?", Dimension.REGULATION, lawyer, "");
    assertEquals(before + 1, queries.run(fixture.inquiry, regulation).size());
    // the choice was created, then decided: two actions to undo
    fixture.history.undo(fixture.inquiry, fixture.user);
    fixture.history.undo(fixture.inquiry, fixture.user);
    assertEquals(before, queries.run(fixture.inquiry, regulation).size());
    fixture.history.redo(fixture.inquiry, fixture.user);
    assertEquals(before + 1, queries.run(fixture.inquiry, regulation).size());
  }
}
