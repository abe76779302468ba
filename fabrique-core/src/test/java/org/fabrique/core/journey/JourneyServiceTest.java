package org.fabrique.core.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.vocabulary.VocabularyName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JourneyServiceTest {
  private final JourneyFixture f;

  JourneyServiceTest(@TempDir Path folder) {
    f = new JourneyFixture(folder);
  }

  @Test
  void anInterventionLinksItsInputsAndOutputsAndIsUndoneAndRedone() {
    DataObject cohort = f.dataset("Cohort extract");
    DataObject pseudo = f.dataset("Pseudonymised extract");
    Intervention step = f.intervention("Pseudonymise", "pseudonymisation", cohort, pseudo);

    assertEquals(step, f.journeys.get(step.id(), Intervention.class));
    f.history.undo(f.inquiry, f.user);
    assertTrue(f.journeys.find(step.id()).isEmpty());
    f.history.redo(f.inquiry, f.user);
    assertEquals(step, f.journeys.get(step.id(), Intervention.class));
  }

  @Test
  void anElementWithUnknownTermsOrReferencesIsRefusedWithEveryProblem() {
    DataObject cohort = f.dataset("Cohort extract");
    Intervention bad =
        Intervention.of(
            f.header("Mystery"), "teleportation", List.of(cohort.id()), List.of(new ElementId(9)));
    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> f.journeys.create(f.user, bad));
    assertTrue(error.getMessage().contains("Unknown term teleportation"), error.getMessage());
    assertTrue(error.getMessage().contains("There is no element 9"), error.getMessage());
    assertEquals(2, error.problems().size(), error.problems().toString());
    assertEquals(
        List.of("intervention", "intervention"),
        error.problems().stream().map(Problem::location).toList());
    assertEquals(
        error.getMessage(),
        String.join("; ", error.problems().stream().map(Problem::message).toList()));
  }

  @Test
  void anInterventionCannotUseAnActorAsInput() {
    Actor dm =
        f.journeys.create(
            f.user, new Actor(f.header("DM-1"), ActorType.PERSON, Optional.of("Jeanne Martin")));
    DataObject out = f.dataset("Out");
    Intervention bad =
        Intervention.of(f.header("Odd"), "cleaning", List.of(dm.id()), List.of(out.id()));
    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> f.journeys.create(f.user, bad));
    assertTrue(error.getMessage().contains("is a actor"), error.getMessage());
    assertFalse(dm.toString().contains("Jeanne"));
  }

  @Test
  void aSettledChoiceKeepsItsOptionsRationaleConstraintsAndDeciders() {
    DataObject cohort = f.dataset("Cohort extract");
    Actor dm =
        f.journeys.create(f.user, new Actor(f.header("DM-1"), ActorType.PERSON, Optional.empty()));
    Actor dpo =
        f.journeys.create(f.user, new Actor(f.header("DPO-1"), ActorType.PERSON, Optional.empty()));
    Choice proposed = f.choice("Keep date of birth?", Dimension.NATURE, cohort);
    Choice settled =
        proposed
            .decided(
                List.of(
                    new ChoiceOption("full date", List.of(dm.id())),
                    new ChoiceOption("year only", List.of(dpo.id()))),
                1,
                "Re-identification risk",
                "negotiation",
                List.of(dm.id(), dpo.id()),
                Optional.of(LocalDate.parse("2025-05-12")))
            .withConstraints(
                List.of(
                    new Constraint(ConstraintKind.LEGAL_BASIS, "A9-2-j", "", Optional.empty()),
                    new Constraint(ConstraintKind.CNIL_PROCEDURE, "MR-004", "", Optional.empty())));
    f.journeys.update(f.user, settled);

    Choice stored = f.journeys.get(settled.id(), Choice.class);
    assertEquals(ChoiceStatus.SETTLED, stored.status());
    assertEquals("year only", stored.selectedOption().orElseThrow().label());
    assertEquals(settled, stored);
    f.history.undo(f.inquiry, f.user);
    assertEquals(proposed, f.journeys.get(settled.id(), Choice.class));
  }

  @Test
  void aChoiceWithAnUnknownLegalBasisIsRefused() {
    DataObject cohort = f.dataset("Cohort extract");
    Choice choice =
        f.choice("Basis?", Dimension.REGULATION, cohort)
            .withConstraints(
                List.of(new Constraint(ConstraintKind.LEGAL_BASIS, "A99", "", Optional.empty())));
    assertThrows(InvalidInputException.class, () -> f.journeys.update(f.user, choice));
  }

  @Test
  void evidenceFromASelectionKeepsTheQuoteAndTheSourcesConfidentiality() {
    DataObject cohort = f.dataset("Cohort extract");
    Evidence evidence =
        f.journeys.addEvidence(
            f.user, cohort.id(), f.note, Optional.of(new Span(23, 54)), "the DM's words");
    assertEquals("we keep the year of birth only.", evidence.quote());
    assertEquals(Confidentiality.CONFIDENTIAL, evidence.confidentiality());
    assertEquals(List.of(evidence), f.journeys.evidenceOf(cohort.id()));
    assertFalse(evidence.toString().contains("year of birth"));
    assertThrows(
        RuntimeException.class,
        () ->
            f.journeys.addEvidence(f.user, cohort.id(), f.note, Optional.of(new Span(3, 999)), ""));
  }

  @Test
  void deletingAnElementTakesItsEvidenceAndParticipationsAndUndoBringsThemBack() {
    DataObject in = f.dataset("In");
    DataObject out = f.dataset("Out");
    Intervention step = f.intervention("Clean", "cleaning", in, out);
    Actor dm =
        f.journeys.create(f.user, new Actor(f.header("DM-1"), ActorType.PERSON, Optional.empty()));
    Participation role = f.journeys.addParticipation(f.user, dm.id(), "data-manager", step.id());
    Evidence evidence = f.journeys.addEvidence(f.user, step.id(), f.note, Optional.empty(), "");

    f.journeys.delete(f.user, step.id());
    assertTrue(f.journeys.find(step.id()).isEmpty());
    assertEquals(List.of(), f.journeys.participationsOf(dm.ref()));

    f.history.undo(f.inquiry, f.user);
    assertEquals(List.of(role), f.journeys.participationsOf(dm.ref()));
    assertEquals(List.of(evidence), f.journeys.evidenceOf(step.id()));
  }

  @Test
  void aDataObjectStillUsedByAnInterventionCannotBeDeleted() {
    DataObject in = f.dataset("In");
    DataObject out = f.dataset("Out");
    f.intervention("Clean", "cleaning", in, out);
    assertThrows(ConflictException.class, () -> f.journeys.delete(f.user, in.id()));
  }

  @Test
  void anInquiryCanAddItsOwnTermsAndUseThem() {
    assertThrows(
        InvalidInputException.class,
        () -> f.intervention("Stamp", "date-shifting", f.dataset("A"), f.dataset("B")));
    f.journeys.addTerm(
        f.user,
        f.inquiry,
        VocabularyName.INTERVENTION_TYPES,
        "date-shifting",
        "date shifting",
        "décalage de dates");
    Intervention shift = f.intervention("Stamp", "date-shifting", f.dataset("C"), f.dataset("D"));
    assertEquals("date-shifting", shift.type());
    assertEquals(
        "décalage de dates",
        f.journeys
            .vocabulary(f.inquiry, VocabularyName.INTERVENTION_TYPES)
            .term("date-shifting")
            .orElseThrow()
            .labelFr());
  }

  @Test
  void aTensionIsResolvedByAnInterventionWithPositionsKept() {
    DataObject in = f.dataset("In");
    DataObject out = f.dataset("Out");
    Intervention workaround = f.intervention("Secure enclave", "transfer", in, out);
    Actor ds =
        f.journeys.create(f.user, new Actor(f.header("DS-1"), ActorType.PERSON, Optional.empty()));
    Actor dpo =
        f.journeys.create(f.user, new Actor(f.header("DPO-1"), ActorType.PERSON, Optional.empty()));
    Tension open =
        f.journeys.create(
            f.user,
            Tension.open(
                f.header("Export the data?"),
                List.of(in.id()),
                "utility-privacy",
                List.of(
                    new Position(ds.id(), "for", "the model needs it"),
                    new Position(dpo.id(), "against", "risk"))));
    Tension resolved =
        f.journeys.update(
            f.user, open.resolved("technical-workaround", "enclave", Optional.of(workaround.id())));
    assertEquals(TensionStatus.RESOLVED, f.journeys.get(open.id(), Tension.class).status());
    assertEquals(resolved, f.journeys.get(open.id(), Tension.class));
    assertEquals(1, f.journeys.list(f.inquiry, Tension.class).size());
    assertEquals(ItemKind.TENSION, resolved.kind());
  }

  @Test
  void aBatchIsOneActionOfTheHistory() {
    int before = f.historyLines().size();
    f.journeys.batch(
        f.inquiry,
        f.user,
        "Import",
        batch -> {
          DataObject a =
              batch.create(
                  DataObject.of(
                          ElementHeader.of(batch.newId(), f.inquiry, null, "a"),
                          DataObjectType.DATASET)
                      .withExternal("ns/a", java.util.Map.of()));
          DataObject b =
              batch.create(
                  DataObject.of(
                      ElementHeader.of(batch.newId(), f.inquiry, null, "b"),
                      DataObjectType.DATASET));
          assertEquals(a, batch.findByExternalName(ItemKind.DATA_OBJECT, "ns/a").orElseThrow());
          return batch.create(
              Intervention.of(
                  ElementHeader.of(batch.newId(), f.inquiry, null, "job"),
                  "",
                  List.of(a.id()),
                  List.of(b.id())));
        });
    assertEquals(before + 1, f.historyLines().size());
    assertEquals(3, f.journeys.elements(f.inquiry).size());
    f.history.undo(f.inquiry, f.user);
    assertEquals(0, f.journeys.elements(f.inquiry).size());
    assertEquals(Set.of(), Set.copyOf(f.journeys.elements(f.inquiry)));
  }
}
