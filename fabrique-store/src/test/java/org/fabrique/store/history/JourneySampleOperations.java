package org.fabrique.store.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.history.Operation;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.ClaimKind;
import org.fabrique.core.journey.ConditionChange;
import org.fabrique.core.journey.Constraint;
import org.fabrique.core.journey.ConstraintKind;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.ElementOperations;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.Field;
import org.fabrique.core.journey.InquiryTerm;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyLinkOperations;
import org.fabrique.core.journey.KnowledgeClaim;
import org.fabrique.core.journey.KnownBy;
import org.fabrique.core.journey.Participation;
import org.fabrique.core.journey.Position;
import org.fabrique.core.journey.Procedure;
import org.fabrique.core.journey.Span;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.journey.Use;
import org.fabrique.core.journey.UseCondition;
import org.fabrique.core.journey.query.QueryOperations;
import org.fabrique.core.journey.query.SavedQuery;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.vocabulary.Term;
import org.fabrique.core.vocabulary.VocabularyName;

/** One literal operation of every journey type, for the codec's golden file. */
final class JourneySampleOperations {
  private static final InquiryId INQUIRY = new InquiryId(1);

  private JourneySampleOperations() {}

  private static ElementHeader header(long id, String label) {
    return new ElementHeader(
        new ElementId(id),
        INQUIRY,
        Optional.of(new CaseId(3)),
        label,
        "described",
        KnownBy.DECLARED,
        Confidentiality.CONFIDENTIAL);
  }

  static void addTo(Map<String, Operation> samples) {
    DataObject object =
        DataObject.of(header(100, "Cohort"), DataObjectType.DATASET)
            .withIdentifiability("pseudonymised")
            .withFields(List.of(new Field("age", "integer", "")))
            .withUseConditions(List.of(new UseCondition("DUO:0000046", "non-commercial")))
            .withExternal("cohort/raw", Map.of("schema", "{\"fields\":[]}"));
    Intervention intervention =
        Intervention.of(
                header(101, "Link"), "linkage", List.of(object.id()), List.of(new ElementId(102)))
            .withTimes(
                Optional.of(Instant.parse("2025-03-01T09:00:00.123456789Z")), Optional.empty())
            .withTool("link.py@3f2a", List.of("nir"))
            .withConditionChanges(
                List.of(
                    new ConditionChange(
                        ConditionChange.Effect.LIFT,
                        new UseCondition("DUO:0000046", ""),
                        Optional.of(new ElementId(104)))));
    Actor actor =
        new Actor(
            header(103, "DM-1"),
            ActorType.PERSON,
            Optional.of("Jeanne Martin"),
            "data-manager",
            "University hospital");
    Choice choice =
        Choice.of(header(104, "Year only?"), Set.of(Dimension.NATURE), List.of(intervention.id()))
            .decided(
                List.of(new ChoiceOption("year", List.of(actor.id()))),
                0,
                "risk",
                "consensus",
                List.of(actor.id()),
                Optional.of(LocalDate.of(2025, 2, 20)))
            .withConstraints(
                List.of(
                    new Constraint(ConstraintKind.CNIL_PROCEDURE, "MR-004", "", Optional.empty())));
    Tension tension =
        Tension.open(
                header(105, "Precision"),
                List.of(choice.id()),
                "utility-privacy",
                List.of(new Position(actor.id(), "for", "argument")))
            .resolved("negotiation", "compromise", Optional.of(intervention.id()));
    Use use =
        new Use(
            header(106, "Train a model"),
            "CommercialResearch",
            Optional.of(actor.id()),
            List.of(object.id()),
            List.of(new UseCondition("DUO:0000019", "")),
            Optional.empty());
    Procedure procedure =
        new Procedure(
            header(107, "MR-004 declaration"),
            "MR-004",
            "2224567",
            Optional.of(LocalDate.of(2024, 1, 5)),
            Optional.empty(),
            "accepted");
    KnowledgeClaim claim =
        new KnowledgeClaim(
            header(108, "Under-represents the elderly"),
            ClaimKind.LIMIT,
            List.of(object.id()),
            "adults 18-65");
    samples.put("journey.data-object.create", new ElementOperations.CreateDataObject(object));
    samples.put("journey.data-object.update", new ElementOperations.UpdateDataObject(object));
    samples.put("journey.data-object.delete", new ElementOperations.DeleteDataObject(object.id()));
    samples.put(
        "journey.intervention.create", new ElementOperations.CreateIntervention(intervention));
    samples.put(
        "journey.intervention.update", new ElementOperations.UpdateIntervention(intervention));
    samples.put(
        "journey.intervention.delete", new ElementOperations.DeleteIntervention(intervention.id()));
    samples.put("journey.actor.create", new ElementOperations.CreateActor(actor));
    samples.put("journey.actor.update", new ElementOperations.UpdateActor(actor));
    samples.put("journey.actor.delete", new ElementOperations.DeleteActor(actor.id()));
    samples.put("journey.choice.create", new ElementOperations.CreateChoice(choice));
    samples.put("journey.choice.update", new ElementOperations.UpdateChoice(choice));
    samples.put("journey.choice.delete", new ElementOperations.DeleteChoice(choice.id()));
    samples.put("journey.tension.create", new ElementOperations.CreateTension(tension));
    samples.put("journey.tension.update", new ElementOperations.UpdateTension(tension));
    samples.put("journey.tension.delete", new ElementOperations.DeleteTension(tension.id()));
    samples.put("journey.use.create", new ElementOperations.CreateUse(use));
    samples.put("journey.use.update", new ElementOperations.UpdateUse(use));
    samples.put("journey.use.delete", new ElementOperations.DeleteUse(use.id()));
    samples.put("journey.procedure.create", new ElementOperations.CreateProcedure(procedure));
    samples.put("journey.procedure.update", new ElementOperations.UpdateProcedure(procedure));
    samples.put("journey.procedure.delete", new ElementOperations.DeleteProcedure(procedure.id()));
    samples.put("journey.claim.create", new ElementOperations.CreateKnowledgeClaim(claim));
    samples.put("journey.claim.update", new ElementOperations.UpdateKnowledgeClaim(claim));
    samples.put("journey.claim.delete", new ElementOperations.DeleteKnowledgeClaim(claim.id()));
    Participation participation =
        new Participation(
            new ElementId(110), INQUIRY, actor.id(), "data-manager", intervention.ref());
    samples.put(
        "journey.participation.add", new JourneyLinkOperations.AddParticipation(participation));
    samples.put(
        "journey.participation.remove",
        new JourneyLinkOperations.RemoveParticipation(participation.id()));
    Evidence evidence =
        new Evidence(
            new ElementId(111),
            INQUIRY,
            new ItemRef(ItemKind.CHOICE, 104),
            new SourceId(7),
            Optional.of(new Span(3, 9)),
            "quoted",
            Optional.of(new SegmentId(8)),
            "",
            Confidentiality.SECRET);
    samples.put("journey.evidence.add", new JourneyLinkOperations.AddEvidence(evidence));
    samples.put("journey.evidence.remove", new JourneyLinkOperations.RemoveEvidence(evidence.id()));
    InquiryTerm term =
        new InquiryTerm(
            new ElementId(112),
            INQUIRY,
            VocabularyName.INTERVENTION_TYPES,
            new Term("date-shifting", "", "date shifting", "décalage de dates", Map.of()));
    samples.put("journey.term.add", new JourneyLinkOperations.AddTerm(term));
    samples.put("journey.term.remove", new JourneyLinkOperations.RemoveTerm(term.id()));
    SavedQuery query =
        new SavedQuery(
            new ElementId(113),
            INQUIRY,
            "Regulation in genomics",
            Map.of("kind", List.of("choice"), "domain", List.of("genomics")));
    samples.put("journey.query.save", new QueryOperations.SaveQuery(query));
    samples.put("journey.query.delete", new QueryOperations.DeleteQuery(query.id()));
  }
}
