package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.EvidenceCoverage;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.Test;

/**
 * The parts of a journey the store reads without reading it whole (the page of a large case): the
 * last made elements of some kinds, counts by kind and the share backed by evidence, run on SQLite,
 * PostgreSQL and the in-memory store.
 */
abstract class JourneySliceContractTest extends StoreTestCase {
  private record World(Inquiry inquiry, Case theCase, Case other, User user, Source source) {}

  private World world() {
    return withFixtures(
        f -> {
          Inquiry inquiry = f.inquiry("Reuse");
          User user = f.user("ana");
          Case theCase = f.aCase(inquiry, "Cohort");
          Case other = f.aCase(inquiry, "Registry");
          Source source = f.source(inquiry, user, Optional.of(theCase.id()), "Interview");
          return new World(inquiry, theCase, other, user, source);
        });
  }

  private ElementHeader header(World w, Case theCase, String label) {
    return ElementHeader.of(
        new ElementId(inTx(tx -> tx.newId())), w.inquiry().id(), theCase.id(), label);
  }

  private static List<JourneyElement> lastFirst(List<? extends JourneyElement> elements) {
    List<JourneyElement> sorted = new ArrayList<>(elements);
    sorted.sort(Comparator.comparingLong((JourneyElement e) -> e.id().value()).reversed());
    return sorted;
  }

  @Test
  void theLatestElementsOfSomeKindsInACaseComeLastMadeFirstUpToTheLimit() {
    World w = world();
    List<DataObject> objects = new ArrayList<>();
    List<Intervention> interventions = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      DataObject in = DataObject.of(header(w, w.theCase(), "in " + i), DataObjectType.DATASET);
      DataObject out = DataObject.of(header(w, w.theCase(), "out " + i), DataObjectType.DATASET);
      objects.add(in);
      objects.add(out);
      interventions.add(
          Intervention.of(
              header(w, w.theCase(), "step " + i),
              "cleaning",
              List.of(in.id()),
              List.of(out.id())));
    }
    DataObject elsewhere = DataObject.of(header(w, w.other(), "other"), DataObjectType.DATASET);
    Actor shared = new Actor(header(w, w.other(), "DM-1"), ActorType.PERSON, Optional.empty());
    doInTx(
        tx -> {
          objects.forEach(tx.journeys()::insert);
          interventions.forEach(tx.journeys()::insert);
          tx.journeys().insert(elsewhere);
          tx.journeys().insert(shared);
        });

    List<JourneyElement> both = new ArrayList<>(objects);
    both.addAll(interventions);
    assertEquals(
        lastFirst(both).subList(0, 4),
        inTx(
            tx ->
                tx.journeys()
                    .latest(
                        w.theCase().id(), Set.of(ItemKind.DATA_OBJECT, ItemKind.INTERVENTION), 4)));
    assertEquals(
        lastFirst(interventions),
        inTx(tx -> tx.journeys().latest(w.theCase().id(), Set.of(ItemKind.INTERVENTION), 100)));
    assertEquals(
        List.of(), inTx(tx -> tx.journeys().latest(w.theCase().id(), Set.of(ItemKind.ACTOR), 10)));
    assertEquals(
        List.of(),
        inTx(tx -> tx.journeys().latest(w.theCase().id(), Set.of(ItemKind.DATA_OBJECT), 0)));
    assertEquals(
        List.of(shared, elsewhere),
        inTx(
            tx ->
                tx.journeys()
                    .latest(w.inquiry().id(), Set.of(ItemKind.ACTOR, ItemKind.DATA_OBJECT), 2)));
  }

  @Test
  void countsByKindAreOfTheCaseOrOfTheWholeInquiry() {
    World w = world();
    DataObject a = DataObject.of(header(w, w.theCase(), "a"), DataObjectType.DATASET);
    DataObject b = DataObject.of(header(w, w.theCase(), "b"), DataObjectType.DATASET);
    Intervention ab =
        Intervention.of(header(w, w.theCase(), "ab"), "cleaning", List.of(a.id()), List.of(b.id()));
    Actor actor = new Actor(header(w, w.other(), "DM-1"), ActorType.PERSON, Optional.empty());
    doInTx(tx -> List.of(a, b, ab, actor).forEach(tx.journeys()::insert));

    Map<ItemKind, Long> inCase = new EnumMap<>(ItemKind.class);
    inCase.put(ItemKind.DATA_OBJECT, 2L);
    inCase.put(ItemKind.INTERVENTION, 1L);
    assertEquals(inCase, inTx(tx -> tx.journeys().countByKind(w.theCase().id())));
    Map<ItemKind, Long> inInquiry = new EnumMap<>(inCase);
    inInquiry.put(ItemKind.ACTOR, 1L);
    assertEquals(inInquiry, inTx(tx -> tx.journeys().countByKind(w.inquiry().id())));
    assertEquals(Map.of(ItemKind.ACTOR, 1L), inTx(tx -> tx.journeys().countByKind(w.other().id())));
  }

  @Test
  void theShareBackedByEvidenceCountsTheCasesElementsActorsAside() {
    World w = world();
    DataObject a = DataObject.of(header(w, w.theCase(), "a"), DataObjectType.DATASET);
    DataObject b = DataObject.of(header(w, w.theCase(), "b"), DataObjectType.DATASET);
    Choice choice = Choice.of(header(w, w.theCase(), "Keep?"), Set.of(Dimension.NATURE), List.of());
    Actor actor = new Actor(header(w, w.theCase(), "DM-1"), ActorType.PERSON, Optional.empty());
    DataObject elsewhere = DataObject.of(header(w, w.other(), "other"), DataObjectType.DATASET);
    doInTx(tx -> List.of(a, b, choice, actor, elsewhere).forEach(tx.journeys()::insert));
    assertEquals(
        new EvidenceCoverage.Share(0, 3),
        inTx(tx -> tx.journeys().evidenceShare(w.theCase().id())));
    doInTx(
        tx -> {
          for (JourneyElement backed : List.of(a, choice, choice, actor, elsewhere)) {
            tx.journeys().insertEvidence(evidence(w, backed));
          }
        });
    assertEquals(
        new EvidenceCoverage.Share(2, 3),
        inTx(tx -> tx.journeys().evidenceShare(w.theCase().id())));
    assertEquals(
        new EvidenceCoverage.Share(1, 1), inTx(tx -> tx.journeys().evidenceShare(w.other().id())));
  }

  private Evidence evidence(World w, JourneyElement element) {
    return new Evidence(
        new ElementId(inTx(tx -> tx.newId())),
        w.inquiry().id(),
        element.ref(),
        w.source().id(),
        Optional.empty(),
        "",
        Optional.empty(),
        "",
        Confidentiality.CONFIDENTIAL);
  }
}
