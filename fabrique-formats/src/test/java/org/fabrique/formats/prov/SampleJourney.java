package org.fabrique.formats.prov;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.Constraint;
import org.fabrique.core.journey.ConstraintKind;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.Participation;
import org.fabrique.core.journey.Position;
import org.fabrique.core.journey.Span;
import org.fabrique.core.journey.Tension;
import org.fabrique.formats.journey.JourneySnapshot;

/** A small journey: cohort → pseudonymised extract, with a choice, a tension and evidence. */
final class SampleJourney {
  static final String REAL_NAME = "Jeanne Martin";
  static final String QUOTE = "we keep the year of birth only";
  static final InquiryId INQUIRY = new InquiryId(1);
  static final CaseId CASE = new CaseId(2);

  private SampleJourney() {}

  static ElementHeader header(long id, String label) {
    return ElementHeader.of(new ElementId(id), INQUIRY, CASE, label);
  }

  static JourneySnapshot snapshot() {
    DataObject cohort =
        DataObject.of(header(10, "Cohort database"), DataObjectType.SOURCE_DATABASE)
            .withIdentifiability("identifying");
    DataObject extract =
        DataObject.of(header(11, "Pseudonymised extract"), DataObjectType.DATASET)
            .withIdentifiability("pseudonymised")
            .withExternal("s3://cohort-bucket/extracts/pseudonymised.parquet", Map.of());
    Intervention pseudo =
        Intervention.of(
                header(20, "Pseudonymisation"),
                "pseudonymisation",
                List.of(cohort.id()),
                List.of(extract.id()))
            .withTimes(
                Optional.of(Instant.parse("2025-03-01T09:00:00Z")),
                Optional.of(Instant.parse("2025-03-01T10:00:00Z")));
    Actor dm = new Actor(header(30, "DM-1"), ActorType.PERSON, Optional.of(REAL_NAME));
    Actor committee =
        new Actor(header(31, "Steering committee"), ActorType.COMMITTEE, Optional.empty());
    Choice birth =
        Choice.of(
                header(40, "Keep the full date of birth?"),
                Set.of(Dimension.NATURE, Dimension.KNOWLEDGE),
                List.of(pseudo.id()))
            .decided(
                List.of(
                    new ChoiceOption("full date", List.of()),
                    new ChoiceOption("year only", List.of(dm.id()))),
                1,
                "re-identification risk",
                "consensus",
                List.of(committee.id()),
                Optional.of(LocalDate.parse("2025-02-20")))
            .withConstraints(
                List.of(
                    new Constraint(ConstraintKind.LEGAL_BASIS, "A6-1-e", "", Optional.empty()),
                    new Constraint(ConstraintKind.CNIL_PROCEDURE, "MR-004", "", Optional.empty()),
                    new Constraint(
                        ConstraintKind.COMMITTEE_OPINION,
                        "",
                        "CESREES opinion of 2024-12-03",
                        Optional.empty())));
    Tension tension =
        Tension.open(
                header(50, "Date precision"),
                List.of(birth.id()),
                "utility-privacy",
                List.of(new Position(dm.id(), "year only", "privacy first")))
            .resolved("negotiation", "year only, month kept for infants", Optional.of(pseudo.id()));
    Participation role =
        new Participation(new ElementId(60), INQUIRY, dm.id(), "data-manager", pseudo.ref());
    Evidence evidence =
        new Evidence(
            new ElementId(70),
            INQUIRY,
            birth.ref(),
            new SourceId(5),
            Optional.of(new Span(23, 53)),
            QUOTE,
            Optional.of(new SegmentId(8)),
            "",
            Confidentiality.CONFIDENTIAL);
    DataObject secret =
        DataObject.of(
            header(12, "Secret linkage key").withConfidentiality(Confidentiality.SECRET),
            DataObjectType.DATASET);
    return new JourneySnapshot(
        INQUIRY,
        List.of(new Case(CASE, INQUIRY, "Cohort to model", Domain.COHORT, "")),
        List.of(cohort, extract, secret, pseudo, dm, committee, birth, tension),
        List.of(role),
        List.of(evidence),
        Map.of(new SourceId(5), "abc"));
  }
}
