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
 * The demo case "Biobank genomes for a rare-disease consortium" (genomics): the platform sequences
 * the biobank's samples and releases variants to a consortium. A bioinformatician decides the
 * two-tier release and the filtering of rare variants (regulation, uses, nature), a lawyer the
 * legal basis, a clinician the incidental findings, the data access committee commercial access;
 * the tensions about the release and commercial access are resolved. Evidence and roles are in
 * {@code biobank.journey.tsv}.
 */
final class BiobankSequencingJourney {
  private final JourneyWriter write;

  BiobankSequencingJourney(JourneyWriter write) {
    this.write = write;
  }

  void write() {
    Actor bioinformatician =
        write.actor(
            "Bioinformatician BI02", ActorType.PERSON, "bioinformatician", "Genome platform");
    Actor lawyer =
        write.actor(
            "Legal officer JU01", ActorType.PERSON, "lawyer", "University hospital legal service");
    Actor clinician =
        write.actor(
            "Clinician CL03", ActorType.PERSON, "clinician", "Rare-disease reference centre");
    Actor committee =
        write.actor(
            "Biobank data access committee",
            ActorType.COMMITTEE,
            "data-access-committee",
            "Biobank");
    Actor association =
        write.actor(
            "Rare-disease patients' association",
            ActorType.ORGANISATION,
            "patient-association",
            "");
    Actor consortium =
        write.actor("Rare-disease consortium", ActorType.ORGANISATION, "researcher", "");
    DataObject samples =
        write.object("Biobank samples and records", DataObjectType.SOURCE_DATABASE, "identifying");
    DataObject genomes =
        write.object("Called and filtered variants", DataObjectType.DATASET, "pseudonymised");
    DataObject release =
        write.object("Variant release for the consortium", DataObjectType.DATASET, "pseudonymised");
    Intervention calling =
        write.intervention(
            "Whole-genome sequencing and variant calling",
            "extraction",
            List.of(samples),
            genomes,
            Optional.of("2025-04-10T09:00:00Z"),
            KnownBy.DECLARED);
    Intervention releasing =
        write.intervention(
            "Two-tier release of variants to the consortium",
            "transfer",
            List.of(genomes),
            release,
            Optional.of("2025-05-02T09:00:00Z"),
            KnownBy.DECLARED);

    Choice twoTier =
        write.decided(
            "Individual genomes or aggregate frequencies for the consortium?",
            Set.of(Dimension.REGULATION, Dimension.USES),
            List.of(releasing),
            List.of(
                new ChoiceOption("individual VCF files", List.of(consortium.id())),
                new ChoiceOption("nothing leaves the platform", List.of(lawyer.id())),
                new ChoiceOption(
                    "open frequencies, individual files under controlled access",
                    List.of(bioinformatician.id()))),
            2,
            "A genome cannot be pseudonymised; controlled access keeps individual data within an"
                + " agreement.",
            "individual",
            List.of(bioinformatician),
            "2025-04-28");
    write.decided(
        "Publish rare variants in the open frequencies?",
        Set.of(Dimension.REGULATION, Dimension.NATURE),
        List.of(releasing),
        List.of(
            new ChoiceOption("all variants", List.of(consortium.id())),
            new ChoiceOption("drop variants seen in fewer than five participants", List.of())),
        1,
        "Rare variants make a person findable.",
        "individual",
        List.of(bioinformatician),
        "2025-04-28");
    write.decided(
        "Which legal basis for sharing genomes with the consortium?",
        Set.of(Dimension.REGULATION),
        List.of(releasing),
        List.of(
            new ChoiceOption("consent", List.of()),
            new ChoiceOption("public interest in research (GDPR 9-2-j)", List.of(lawyer.id()))),
        1,
        "The consents predate the consortium and do not name it.",
        "individual",
        List.of(lawyer),
        "2025-04-22");
    write.decided(
        "Keep incidental findings in actionable genes?",
        Set.of(Dimension.NATURE, Dimension.KNOWLEDGE),
        List.of(calling),
        List.of(
            new ChoiceOption("remove them", List.of()),
            new ChoiceOption("keep them, flagged", List.of(clinician.id()))),
        1,
        "The consortium must know what it holds.",
        "individual",
        List.of(clinician),
        "2025-04-15");
    Choice commercial =
        write.decided(
            "May commercial partners of the consortium access individual genomes?",
            Set.of(Dimension.USES, Dimension.REGULATION),
            List.of(releasing),
            List.of(
                new ChoiceOption("yes, under agreement", List.of(consortium.id())),
                new ChoiceOption("no; open frequencies only", List.of(association.id()))),
            1,
            "Participants consented to research on their disease, not to products.",
            "committee-opinion",
            List.of(committee),
            "2025-05-06");

    write.resolvedTension(
        "Open sharing of genomes against re-identification",
        List.of(twoTier),
        "openness-control",
        List.of(
            new Position(consortium.id(), "share individual files", ""),
            new Position(lawyer.id(), "nothing leaves the platform", ""),
            new Position(bioinformatician.id(), "two tiers", "")),
        "technical-workaround",
        "Aggregate frequencies published openly; individual files only through controlled access"
            + " after an agreement.");
    write.resolvedTension(
        "Commercial access to individual genomes",
        List.of(commercial),
        "scientific-commercial",
        List.of(
            new Position(association.id(), "no commercial access", ""),
            new Position(consortium.id(), "partners need the data", "")),
        "arbitration",
        "The data access committee refused commercial access to individual data.");
    write.evidenceAndRoles("biobank.journey.tsv");
  }
}
