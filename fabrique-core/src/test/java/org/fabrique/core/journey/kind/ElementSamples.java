package org.fabrique.core.journey.kind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
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
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Field;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.KnowledgeClaim;
import org.fabrique.core.journey.Position;
import org.fabrique.core.journey.Procedure;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.journey.TensionStatus;
import org.fabrique.core.journey.Use;
import org.fabrique.core.journey.UseCondition;
import org.fabrique.core.memo.ItemKind;

/**
 * One element of every kind, each field filled and every reference to another sample: a kind
 * without a sample fails {@link ElementKindsTest}.
 */
final class ElementSamples {
  static final InquiryId INQUIRY = new InquiryId(1);
  static final CaseId CASE = new CaseId(2);

  private ElementSamples() {}

  static ElementHeader header(long id, String label) {
    return ElementHeader.of(new ElementId(id), INQUIRY, CASE, label).withDescription("described");
  }

  /** The samples by kind, in an order where each refers only to earlier ones. */
  static Map<ItemKind, JourneyElement> all() {
    Map<ItemKind, JourneyElement> samples = new LinkedHashMap<>();
    Actor actor = new Actor(header(30, "DM-1"), ActorType.PERSON, Optional.of("Jeanne Martin"));
    DataObject cohort =
        new DataObject(
            header(10, "Cohort"),
            DataObjectType.DATASET_VERSION,
            "pseudonymised",
            "",
            List.of("ICD-10"),
            "adults",
            List.of(new Field("age", "integer", "")),
            List.of(new UseCondition("DUO:0000046", "non-commercial")),
            Optional.of(new ElementId(11)),
            "s3://bucket/cohort",
            Map.of());
    Procedure procedure =
        new Procedure(
            header(50, "MR-004 declaration"),
            "MR-004",
            "2224567",
            Optional.of(LocalDate.parse("2024-01-05")),
            Optional.of(actor.id()),
            "accepted");
    Intervention intervention =
        new Intervention(
            header(20, "Pseudonymisation"),
            "pseudonymisation",
            List.of(new ElementId(11)),
            List.of(cohort.id()),
            Optional.of(Instant.parse("2025-03-01T09:00:00Z")),
            Optional.of(Instant.parse("2025-03-01T10:00:00Z")),
            "pseudo.py",
            List.of("nir"),
            List.of(
                new ConditionChange(
                    ConditionChange.Effect.ADD,
                    new UseCondition("DUO:0000046", ""),
                    Optional.of(new ElementId(40)))),
            "",
            Map.of());
    Use use =
        new Use(
            header(60, "Train a model"),
            "CommercialResearch",
            Optional.of(actor.id()),
            List.of(cohort.id()),
            List.of(new UseCondition("DUO:0000019", "")),
            Optional.of(procedure.id()));
    Choice choice =
        new Choice(
            header(40, "Year only?"),
            Set.of(Dimension.NATURE, Dimension.REGULATION),
            List.of(
                new ChoiceOption("full date", List.of()),
                new ChoiceOption("year", List.of(actor.id()))),
            Optional.of(1),
            "risk",
            List.of(
                new Constraint(
                    ConstraintKind.CNIL_PROCEDURE, "MR-004", "", Optional.of(procedure.id())),
                new Constraint(
                    ConstraintKind.COMMITTEE_OPINION,
                    "",
                    "CESREES opinion 2024-12",
                    Optional.empty())),
            "consensus",
            ChoiceStatus.SETTLED,
            List.of(actor.id()),
            Optional.of(LocalDate.parse("2025-02-20")),
            List.of(intervention.id(), use.id()));
    Tension tension =
        new Tension(
            header(70, "Precision"),
            List.of(choice.id()),
            "utility-privacy",
            List.of(new Position(actor.id(), "for", "argument")),
            TensionStatus.RESOLVED,
            "negotiation",
            "compromise",
            Optional.of(intervention.id()));
    KnowledgeClaim claim =
        new KnowledgeClaim(
            header(80, "Under-represents the elderly"),
            ClaimKind.LIMIT,
            List.of(cohort.id()),
            "adults 18-65");
    samples.put(ItemKind.ACTOR, actor);
    samples.put(ItemKind.DATA_OBJECT, cohort);
    samples.put(ItemKind.PROCEDURE, procedure);
    samples.put(ItemKind.INTERVENTION, intervention);
    samples.put(ItemKind.USE, use);
    samples.put(ItemKind.CHOICE, choice);
    samples.put(ItemKind.TENSION, tension);
    samples.put(ItemKind.KNOWLEDGE_CLAIM, claim);
    return samples;
  }

  /** Every sample with the dataset the sample data object is a version of. */
  static List<JourneyElement> journey() {
    List<JourneyElement> elements = new java.util.ArrayList<>(all().values());
    elements.add(DataObject.of(header(11, "Cohort dataset"), DataObjectType.DATASET));
    return elements;
  }
}
