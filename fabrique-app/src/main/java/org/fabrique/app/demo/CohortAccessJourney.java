package org.fabrique.app.demo;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.KnownBy;
import org.fabrique.core.journey.Position;

/**
 * The demo case "Lumière cohort extract for an external team" (cohort): the data access committee
 * decides which variables leave the cohort, the data manager releases ages in five-year bands
 * (negotiated with the statistician: exact ages analysed on the cohort's server), the data
 * protection officer chooses MR-004, the principal investigator limits subgroup publications.
 * Evidence and roles are in {@code cohort.journey.tsv}.
 */
final class CohortAccessJourney {
  private final JourneyWriter write;

  CohortAccessJourney(JourneyWriter write) {
    this.write = write;
  }

  void write() {
    Actor dataManager =
        write.actor("Data manager DC04", ActorType.PERSON, "data-manager", "Lumière cohort");
    Actor statistician =
        write.actor("Statistician ST05", ActorType.PERSON, "statistician", "Team B");
    Actor investigator =
        write.actor(
            "Principal investigator PI01", ActorType.PERSON, "researcher", "Lumière cohort");
    Actor dpo =
        write.actor(
            "Cohort data protection officer",
            ActorType.PERSON,
            "data-protection-officer",
            "Lumière cohort");
    Actor committee =
        write.actor(
            "Lumière data access committee",
            ActorType.COMMITTEE,
            "data-access-committee",
            "Lumière cohort");
    DataObject cohort =
        write.object("Lumière cohort database", DataObjectType.SOURCE_DATABASE, "identifying");
    DataObject extract =
        write.object("Extract for team B", DataObjectType.DATASET, "pseudonymised");
    Intervention selection =
        write.intervention(
            "Selection of the variables granted to team B",
            "selection",
            List.of(cohort),
            extract,
            Optional.of("2025-06-12T09:00:00Z"),
            KnownBy.DECLARED);
    DataObject banded =
        write.object("Extract for team B, ages in bands", DataObjectType.DATASET, "pseudonymised");
    Intervention bands =
        write.intervention(
            "Ages in five-year bands",
            "generalisation",
            List.of(extract),
            banded,
            Optional.of("2025-06-12T11:00:00Z"),
            KnownBy.DECLARED);

    Choice ageBands =
        write.decided(
            "Exact age or five-year age bands for team B?",
            Set.of(Dimension.NATURE, Dimension.KNOWLEDGE),
            List.of(bands),
            List.of(
                new ChoiceOption("exact age", List.of(statistician.id())),
                new ChoiceOption("five-year bands", List.of(dataManager.id()))),
            1,
            "Exact age with the commune and the inclusion date finds people in a small village.",
            "individual",
            List.of(dataManager),
            "2025-06-04");
    write.decided(
        "Which variables may leave the cohort?",
        Set.of(Dimension.NATURE, Dimension.USES),
        List.of(selection),
        List.of(
            new ChoiceOption("the variables requested", List.of()),
            new ChoiceOption(
                "no commune, no exact dates, diagnoses by chapter", List.of(committee.id()))),
        1,
        "Sensitive variables stay in the cohort; the analysis comes to the data.",
        "committee-opinion",
        List.of(committee),
        "2025-06-10");
    write.decided(
        "Reference methodology MR-004 for team B's request?",
        Set.of(Dimension.REGULATION),
        List.of(selection),
        List.of(
            new ChoiceOption("MR-004", List.of(dpo.id())),
            new ChoiceOption("CNIL authorisation", List.of())),
        0,
        "Research not involving the human person.",
        "individual",
        List.of(dpo),
        "2025-06-02");
    write.decided(
        "May team B publish subgroups of fewer than twenty people?",
        Set.of(Dimension.KNOWLEDGE, Dimension.USES),
        List.of(selection),
        List.of(
            new ChoiceOption("yes", List.of()), new ChoiceOption("no", List.of(investigator.id()))),
        1,
        "Not a rule of the CNIL: the cohort's own choice.",
        "hierarchical",
        List.of(investigator),
        "2025-06-04");

    write.resolvedTension(
        "Analytical precision against re-identification in small villages",
        List.of(ageBands),
        "utility-privacy",
        List.of(
            new Position(statistician.id(), "exact age for the models", ""),
            new Position(dataManager.id(), "five-year bands", "")),
        "negotiation",
        "Five-year bands in the extract; models on exact age run on the cohort's server.");
    write.evidenceAndRoles("cohort.journey.tsv");
  }
}
