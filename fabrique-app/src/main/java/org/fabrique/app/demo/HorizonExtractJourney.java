package org.fabrique.app.demo;

import static org.fabrique.core.journey.ActorType.COMMITTEE;
import static org.fabrique.core.journey.ActorType.ORGANISATION;
import static org.fabrique.core.journey.ActorType.PERSON;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.ChoiceStatus;
import org.fabrique.core.journey.ClaimKind;
import org.fabrique.core.journey.ConditionChange;
import org.fabrique.core.journey.Constraint;
import org.fabrique.core.journey.ConstraintKind;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.KnowledgeClaim;
import org.fabrique.core.journey.KnownBy;
import org.fabrique.core.journey.Position;
import org.fabrique.core.journey.Procedure;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.journey.Use;
import org.fabrique.core.journey.UseCondition;

/**
 * The demo case "Horizon extract for the Predicta risk model": from the cohort's production
 * database to the model (selection → pseudonymisation → harmonisation → linkage with the validated
 * events → training set → model), with choices on the four dimensions, a resolved and an open
 * tension and a claim on what the model cannot support. Their evidence in the field material and
 * the actors' roles are in {@code horizon-extract.journey.tsv}.
 */
final class HorizonExtractJourney {
  private final JourneyWriter write;

  HorizonExtractJourney(JourneyWriter write) {
    this.write = write;
  }

  void write() {
    // Actors (pseudonyms; one real name kept, confidential, to show it never leaves)
    String horizon = "Horizon cohort";
    String hospital = "University hospital";
    Actor lead = write.actor("Scientific lead", PERSON, "researcher", horizon);
    Actor dm =
        write.actor("Data manager", PERSON, Optional.of("J. Mercier"), "data-manager", horizon);
    Actor dpo = write.actor("Data protection officer", PERSON, "data-protection-officer", hospital);
    Actor mlLead = write.actor("Predicta ML lead", PERSON, "data-scientist", "Predicta Santé");
    Actor predicta = write.actor("Predicta Santé", ORGANISATION, "company", "");
    Actor patients = write.actor("Patients' association", ORGANISATION, "patient-association", "");
    Actor labScientist = write.actor("Cohort data scientist", PERSON, "data-scientist", horizon);
    Actor ethics = write.actor("Ethics committee", COMMITTEE, "ethics-committee", hospital);

    DataObject production =
        write.object(
            "Horizon production database",
            DataObjectType.SOURCE_DATABASE,
            "identifying",
            List.of(
                new UseCondition("DUO:0000007", "cardiovascular research, as consented"),
                new UseCondition("DUO:0000046", "data entrusted for public research")));
    DataObject active =
        write.object("Active participants extract", DataObjectType.DATASET, "identifying");
    DataObject pseudo =
        write.object("Pseudonymised extract", DataObjectType.DATASET, "pseudonymised");
    DataObject omop =
        write.object("OMOP-harmonised extract", DataObjectType.DATASET_VERSION, "pseudonymised");
    DataObject events =
        write.object("Validated cardiovascular events", DataObjectType.DATASET, "pseudonymised");
    DataObject labelled =
        write.object(
            "Extract linked with validated events", DataObjectType.DATASET, "pseudonymised");
    DataObject training =
        write.object("Predicta training set", DataObjectType.DATASET, "pseudonymised");
    DataObject model = write.object("Predicta cardiovascular risk model", DataObjectType.MODEL, "");

    Intervention selection =
        write.intervention(
            "Selection of active participants and requested variables",
            "selection",
            List.of(production),
            active,
            Optional.of("2025-04-02T09:00:00Z"),
            KnownBy.OBSERVED);
    write.intervention(
        "Pseudonymisation by salted hash at the trusted third party",
        "pseudonymisation",
        List.of(active),
        pseudo,
        Optional.of("2025-04-02T10:00:00Z"),
        KnownBy.OBSERVED);
    Intervention harmonisation =
        write.intervention(
            "Harmonisation to OMOP concepts",
            "harmonisation",
            List.of(pseudo),
            omop,
            Optional.of("2025-04-02T11:30:00Z"),
            KnownBy.OBSERVED);
    write.intervention(
        "Linkage with the committee-validated events (labels)",
        "linkage",
        List.of(omop, events),
        labelled,
        Optional.of("2025-04-03T09:00:00Z"),
        KnownBy.DECLARED);
    Intervention generalisation =
        write.intervention(
            "Year of birth, département, shifted dates, rare countries grouped",
            "generalisation",
            List.of(labelled),
            training,
            Optional.of("2025-04-03T14:00:00Z"),
            KnownBy.OBSERVED);
    Intervention modelTraining =
        write.intervention(
            "Training of the risk model on structured data",
            "model-training",
            List.of(training),
            model,
            Optional.of("2025-05-15T09:00:00Z"),
            KnownBy.DECLARED);

    Procedure mr004 =
        write.create(
            new Procedure(
                write.header("MR-004 compliance commitment"),
                "MR-004",
                "",
                Optional.empty(),
                Optional.empty(),
                "declared by the cohort"));
    Procedure ethicsOpinion =
        write.create(
            new Procedure(
                write.header("Ethics committee opinion on informing participants"),
                "ethics-committee-opinion",
                "",
                Optional.empty(),
                Optional.of(ethics.id()),
                "pending"));

    // Choices on the four dimensions
    write.create(
        Choice.of(
                write.header("Full date of birth or year of birth?"),
                Set.of(Dimension.NATURE),
                List.of(generalisation.id()))
            .decided(
                List.of(
                    new ChoiceOption("full date of birth and postcode", List.of(predicta.id())),
                    new ChoiceOption("year of birth and département", List.of(dm.id()))),
                1,
                "Full date of birth and postcode together make some participants re-identifiable.",
                "hierarchical",
                List.of(lead.id()),
                Optional.of(LocalDate.parse("2025-03-12")))
            .withConstraints(
                List.of(
                    new Constraint(ConstraintKind.LEGAL_BASIS, "A9-2-j", "", Optional.empty()))));

    write.create(
        Choice.of(
                write.header("Exact event dates or dates shifted per participant?"),
                Set.of(Dimension.KNOWLEDGE, Dimension.NATURE),
                List.of(generalisation.id()))
            .decided(
                List.of(
                    new ChoiceOption("exact dates", List.of(predicta.id())),
                    new ChoiceOption("random shift per participant, ±180 days", List.of(dm.id()))),
                1,
                "Intervals between events are kept; seasonality is lost.",
                "negotiation",
                List.of(lead.id(), dm.id()),
                Optional.of(LocalDate.parse("2025-03-12"))));

    Choice commercial =
        write.create(
            new Choice(
                write.header("May a company train a commercial model on the cohort?"),
                Set.of(Dimension.USES),
                List.of(
                    new ChoiceOption("refuse", List.of(patients.id())),
                    new ChoiceOption(
                        "accept: free model for academic teams, published validation",
                        List.of(predicta.id()))),
                Optional.of(1),
                "The model would also serve public research.",
                List.of(),
                "negotiation",
                ChoiceStatus.CONTESTED,
                List.of(lead.id()),
                Optional.<LocalDate>empty(),
                List.of(generalisation.id(), modelTraining.id())));

    write.create(
        Choice.of(
                write.header("Reference methodology MR-004 or a CNIL authorisation?"),
                Set.of(Dimension.REGULATION),
                List.of(selection.id()))
            .decided(
                List.of(
                    new ChoiceOption("MR-004", List.of(dpo.id())),
                    new ChoiceOption("CNIL authorisation", List.of(dpo.id()))),
                0,
                "Research not involving the human person; to be reconsidered if the purpose leaves public interest.",
                "individual",
                List.of(dpo.id()),
                Optional.of(LocalDate.parse("2025-03-12")))
            .withConstraints(
                List.of(
                    new Constraint(
                        ConstraintKind.CNIL_PROCEDURE, "MR-004", "", Optional.of(mr004.id())),
                    new Constraint(
                        ConstraintKind.COMMITTEE_OPINION,
                        "",
                        "information of participants",
                        Optional.of(ethicsOpinion.id())))));

    write.create(
        Choice.of(
                write.header("Merge the French heart-failure codes into one OMOP concept?"),
                Set.of(Dimension.KNOWLEDGE),
                List.of(harmonisation.id()))
            .decided(
                List.of(
                    new ChoiceOption("keep the French codes", List.of(mlLead.id())),
                    new ChoiceOption("merge into the standard concept", List.of(dm.id()))),
                1,
                "It is the price of comparability.",
                "default",
                List.of(dm.id()),
                Optional.empty()));

    // The commercial choice lifts the non-commercial condition and adds publication
    write.update(
        generalisation.withConditionChanges(
            List.of(
                new ConditionChange(
                    ConditionChange.Effect.LIFT,
                    new UseCondition("DUO:0000046", ""),
                    Optional.of(commercial.id())),
                new ConditionChange(
                    ConditionChange.Effect.ADD,
                    new UseCondition("DUO:0000019", "validation published"),
                    Optional.of(commercial.id())))));

    // Tensions: one resolved by a technical workaround, one open
    write.create(
        Tension.open(
                write.header("Precision of laboratory values against re-identification"),
                List.of(generalisation.id()),
                "utility-privacy",
                List.of(
                    new Position(dm.id(), "round creatinine to one decimal", "reduces uniqueness"),
                    new Position(
                        labScientist.id(),
                        "keep full precision",
                        "rounding biases kidney function estimates")))
            .resolved(
                "technical-workaround",
                "Full precision kept; the laboratory identifier, which reveals the town, removed.",
                Optional.of(generalisation.id())));

    write.create(
        Tension.open(
            write.header("Commercial use of data consented for cardiovascular research"),
            List.of(commercial.id()),
            "consent-reuse",
            List.of(
                new Position(patients.id(), "inform every participant before any transmission", ""),
                new Position(predicta.id(), "the model also serves public research", ""),
                new Position(lead.id(), "not opposed if it is supervised", ""))));

    write.create(
        new KnowledgeClaim(
            write.header("The model is not validated for women over 75"),
            ClaimKind.CANNOT_SUPPORT,
            List.of(model.id()),
            "women over 75"));

    write.create(
        new Use(
            write.header("Training a commercial cardiovascular risk model"),
            "CommercialResearch",
            Optional.of(predicta.id()),
            List.of(training.id()),
            List.of(new UseCondition("DUO:0000019", "publish the validation")),
            Optional.of(mr004.id())));

    write.evidenceAndRoles("horizon-extract.journey.tsv");
  }
}
