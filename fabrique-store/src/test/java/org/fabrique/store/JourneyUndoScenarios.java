package org.fabrique.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.history.Operation;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.ClaimKind;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.ElementOperations;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.Flow;
import org.fabrique.core.journey.InquiryTerm;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.JourneyLinkOperations;
import org.fabrique.core.journey.KnowledgeClaim;
import org.fabrique.core.journey.Participation;
import org.fabrique.core.journey.Position;
import org.fabrique.core.journey.Procedure;
import org.fabrique.core.journey.Span;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.journey.Use;
import org.fabrique.core.journey.UseCondition;
import org.fabrique.core.journey.query.QueryOperations;
import org.fabrique.core.journey.query.SavedQuery;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.vocabulary.Term;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * The undo scenarios of the journey operations. Each prepares, in the scenario's transaction, a
 * small journey (two datasets, an intervention, an actor) and returns the operation to test.
 */
final class JourneyUndoScenarios {
  private JourneyUndoScenarios() {}

  /** The state of an inquiry's journeys as the store shows it. */
  record JourneyState(
      List<JourneyElement> elements,
      List<Flow> flows,
      List<Participation> participations,
      List<Evidence> evidence,
      List<InquiryTerm> terms,
      List<SavedQuery> queries) {
    static JourneyState of(Transaction tx, InquiryId inquiry) {
      return new JourneyState(
          tx.journeys().list(inquiry),
          tx.journeys().flows(inquiry),
          tx.journeys().participations(inquiry),
          tx.journeys().evidence(inquiry),
          tx.journeys().terms(inquiry),
          tx.journeys().queries(inquiry));
    }
  }

  /** What each scenario starts from. */
  private record Base(
      OperationUndoContractTest.Scenario c,
      DataObject a,
      DataObject b,
      Intervention ab,
      Actor actor) {
    ElementHeader header(String label) {
      return ElementHeader.of(
          new ElementId(c.id()), c.w().inquiry().id(), c.w().registry().id(), label);
    }

    <T extends JourneyElement> T insert(T element) {
      c.tx().journeys().insert(element);
      return element;
    }
  }

  private static Base base(OperationUndoContractTest.Scenario c) {
    InquiryId inquiry = c.w().inquiry().id();
    DataObject a =
        DataObject.of(
            ElementHeader.of(new ElementId(c.id()), inquiry, c.w().registry().id(), "a"),
            DataObjectType.DATASET);
    DataObject b =
        DataObject.of(
            ElementHeader.of(new ElementId(c.id()), inquiry, c.w().registry().id(), "b"),
            DataObjectType.DATASET);
    Intervention ab =
        Intervention.of(
            ElementHeader.of(new ElementId(c.id()), inquiry, c.w().registry().id(), "ab"),
            "cleaning",
            List.of(a.id()),
            List.of(b.id()));
    Actor actor =
        new Actor(
            ElementHeader.of(new ElementId(c.id()), inquiry, null, "DM-1"),
            ActorType.PERSON,
            Optional.of("Real Name"));
    List.of(a, b, ab, actor).forEach(c.tx().journeys()::insert);
    return new Base(c, a, b, ab, actor);
  }

  private static Choice choice(Base b) {
    return Choice.of(b.header("Year only?"), Set.of(Dimension.NATURE), List.of(b.ab().id()))
        .decided(
            List.of(new ChoiceOption("year", List.of(b.actor().id()))),
            0,
            "risk",
            "consensus",
            List.of(b.actor().id()),
            Optional.of(LocalDate.of(2025, 2, 20)));
  }

  private static Tension tension(Base b) {
    return Tension.open(
        b.header("Precision"),
        List.of(b.a().id()),
        "utility-privacy",
        List.of(new Position(b.actor().id(), "for", "x")));
  }

  private static Use use(Base b) {
    return new Use(
        b.header("Train"),
        "CommercialResearch",
        Optional.of(b.actor().id()),
        List.of(b.b().id()),
        List.of(new UseCondition("DUO:0000019", "")),
        Optional.empty());
  }

  private static Procedure procedure(Base b) {
    return new Procedure(
        b.header("MR-004"), "MR-004", "123", Optional.empty(), Optional.of(b.actor().id()), "ok");
  }

  private static KnowledgeClaim claim(Base b) {
    return new KnowledgeClaim(b.header("Adults only"), ClaimKind.LIMIT, List.of(b.b().id()), "");
  }

  private static Evidence evidence(Base b) {
    var w = b.c().w();
    return new Evidence(
        new ElementId(b.c().id()),
        w.inquiry().id(),
        b.ab().ref(),
        w.interview().id(),
        Optional.of(new Span(10, 20)),
        "quoted",
        Optional.of(w.g1().id()),
        "",
        Confidentiality.CONFIDENTIAL);
  }

  static void addTo(Map<String, Function<OperationUndoContractTest.Scenario, Operation>> s) {
    s.put(
        "journey.data-object.create",
        c -> {
          Base b = base(c);
          return new ElementOperations.CreateDataObject(
              DataObject.of(b.header("c"), DataObjectType.MODEL)
                  .withUseConditions(List.of(new UseCondition("DUO:0000046", ""))));
        });
    s.put(
        "journey.data-object.update",
        c ->
            new ElementOperations.UpdateDataObject(
                base(c).a().withIdentifiability("pseudonymised")));
    s.put(
        "journey.data-object.delete",
        c -> {
          Base b = base(c);
          DataObject lone = b.insert(DataObject.of(b.header("lone"), DataObjectType.RESULT));
          return new ElementOperations.DeleteDataObject(lone.id());
        });
    s.put(
        "journey.intervention.create",
        c -> {
          Base b = base(c);
          return new ElementOperations.CreateIntervention(
              Intervention.of(b.header("ba"), "linkage", List.of(b.b().id()), List.of(b.a().id())));
        });
    s.put(
        "journey.intervention.update",
        c -> {
          Base b = base(c);
          return new ElementOperations.UpdateIntervention(
              b.ab().withFlows(List.of(b.a().id(), b.b().id()), List.of()));
        });
    s.put(
        "journey.intervention.delete",
        c -> new ElementOperations.DeleteIntervention(base(c).ab().id()));
    s.put(
        "journey.actor.create",
        c -> {
          Base b = base(c);
          return new ElementOperations.CreateActor(
              new Actor(b.header("Committee"), ActorType.COMMITTEE, Optional.empty()));
        });
    s.put(
        "journey.actor.update",
        c -> {
          Base b = base(c);
          return new ElementOperations.UpdateActor(
              new Actor(b.actor().header().withLabel("DM-2"), ActorType.PERSON, Optional.empty()));
        });
    s.put(
        "journey.actor.delete",
        c -> {
          Base b = base(c);
          Actor lone = b.insert(new Actor(b.header("Lone"), ActorType.SOFTWARE, Optional.empty()));
          return new ElementOperations.DeleteActor(lone.id());
        });
    s.put("journey.choice.create", c -> new ElementOperations.CreateChoice(choice(base(c))));
    s.put(
        "journey.choice.update",
        c -> {
          Base b = base(c);
          Choice choice = b.insert(choice(b));
          return new ElementOperations.UpdateChoice(
              choice.withStatus(org.fabrique.core.journey.ChoiceStatus.REVISITED));
        });
    s.put(
        "journey.choice.delete",
        c -> {
          Base b = base(c);
          return new ElementOperations.DeleteChoice(b.insert(choice(b)).id());
        });
    s.put("journey.tension.create", c -> new ElementOperations.CreateTension(tension(base(c))));
    s.put(
        "journey.tension.update",
        c -> {
          Base b = base(c);
          Tension tension = b.insert(tension(b));
          return new ElementOperations.UpdateTension(
              tension.resolved("negotiation", "agreed", Optional.of(b.ab().id())));
        });
    s.put(
        "journey.tension.delete",
        c -> {
          Base b = base(c);
          return new ElementOperations.DeleteTension(b.insert(tension(b)).id());
        });
    s.put("journey.use.create", c -> new ElementOperations.CreateUse(use(base(c))));
    s.put(
        "journey.use.update",
        c -> {
          Base b = base(c);
          Use use = b.insert(use(b));
          return new ElementOperations.UpdateUse(use.withHeader(use.header().withLabel("Other")));
        });
    s.put(
        "journey.use.delete",
        c -> {
          Base b = base(c);
          return new ElementOperations.DeleteUse(b.insert(use(b)).id());
        });
    s.put(
        "journey.procedure.create", c -> new ElementOperations.CreateProcedure(procedure(base(c))));
    s.put(
        "journey.procedure.update",
        c -> {
          Base b = base(c);
          Procedure procedure = b.insert(procedure(b));
          return new ElementOperations.UpdateProcedure(
              procedure.withHeader(procedure.header().withDescription("declared in 2024")));
        });
    s.put(
        "journey.procedure.delete",
        c -> {
          Base b = base(c);
          return new ElementOperations.DeleteProcedure(b.insert(procedure(b)).id());
        });
    s.put("journey.claim.create", c -> new ElementOperations.CreateKnowledgeClaim(claim(base(c))));
    s.put(
        "journey.claim.update",
        c -> {
          Base b = base(c);
          KnowledgeClaim claim = b.insert(claim(b));
          return new ElementOperations.UpdateKnowledgeClaim(
              claim.withHeader(claim.header().withLabel("Adults 18-65 only")));
        });
    s.put(
        "journey.claim.delete",
        c -> {
          Base b = base(c);
          return new ElementOperations.DeleteKnowledgeClaim(b.insert(claim(b)).id());
        });
    s.put(
        "journey.participation.add",
        c -> {
          Base b = base(c);
          return new JourneyLinkOperations.AddParticipation(
              new Participation(
                  new ElementId(c.id()),
                  c.w().inquiry().id(),
                  b.actor().id(),
                  "data-manager",
                  b.ab().ref()));
        });
    s.put(
        "journey.participation.remove",
        c -> {
          Base b = base(c);
          Participation participation =
              new Participation(
                  new ElementId(c.id()), c.w().inquiry().id(), b.actor().id(), "", b.ab().ref());
          c.tx().journeys().insertParticipation(participation);
          return new JourneyLinkOperations.RemoveParticipation(participation.id());
        });
    s.put("journey.evidence.add", c -> new JourneyLinkOperations.AddEvidence(evidence(base(c))));
    s.put(
        "journey.evidence.remove",
        c -> {
          Evidence evidence = evidence(base(c));
          c.tx().journeys().insertEvidence(evidence);
          return new JourneyLinkOperations.RemoveEvidence(evidence.id());
        });
    s.put(
        "journey.term.add",
        c ->
            new JourneyLinkOperations.AddTerm(
                new InquiryTerm(
                    new ElementId(c.id()),
                    c.w().inquiry().id(),
                    VocabularyName.ROLES,
                    new Term("archivist", "", "archivist", "archiviste", Map.of()))));
    s.put(
        "journey.term.remove",
        c -> {
          InquiryTerm term =
              new InquiryTerm(
                  new ElementId(c.id()),
                  c.w().inquiry().id(),
                  VocabularyName.TENSION_NATURES,
                  new Term("time", "", "time", "temps", Map.of()));
          c.tx().journeys().insertTerm(term);
          return new JourneyLinkOperations.RemoveTerm(term.id());
        });
    s.put(
        "journey.query.save",
        c -> {
          SavedQuery before =
              new SavedQuery(
                  new ElementId(c.id()),
                  c.w().inquiry().id(),
                  "Regulation",
                  Map.of("dimension", List.of("regulation")));
          c.tx().journeys().putQuery(before);
          return new QueryOperations.SaveQuery(
              new SavedQuery(
                  before.id(),
                  before.inquiryId(),
                  "Regulation in genomics",
                  Map.of("dimension", List.of("regulation"), "domain", List.of("genomics"))));
        });
    s.put(
        "journey.query.delete",
        c -> {
          SavedQuery query =
              new SavedQuery(
                  new ElementId(c.id()),
                  c.w().inquiry().id(),
                  "Uses",
                  Map.of("dimension", List.of("uses")));
          c.tx().journeys().putQuery(query);
          return new QueryOperations.DeleteQuery(query.id());
        });
  }
}
