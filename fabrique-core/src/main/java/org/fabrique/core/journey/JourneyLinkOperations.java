package org.fabrique.core.journey;

import java.util.List;
import java.util.Map;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.Require;
import org.fabrique.core.store.Transaction;

/** The operations on participations, evidence and the inquiry's own vocabulary terms. */
public final class JourneyLinkOperations {
  public static final List<Map.Entry<String, Class<? extends Operation>>> TYPES =
      List.of(
          Map.entry("journey.participation.add", AddParticipation.class),
          Map.entry("journey.participation.remove", RemoveParticipation.class),
          Map.entry("journey.evidence.add", AddEvidence.class),
          Map.entry("journey.evidence.remove", RemoveEvidence.class),
          Map.entry("journey.term.add", AddTerm.class),
          Map.entry("journey.term.remove", RemoveTerm.class));

  private JourneyLinkOperations() {}

  /** Gives an actor a role in an intervention, a choice or a use. */
  public record AddParticipation(Participation participation) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Require.present(tx.journeys().find(participation.actor()), "Actor " + participation.actor());
      Require.present(
          tx.journeys().find(new ElementId(participation.target().id())),
          "Element " + participation.target());
      tx.journeys().insertParticipation(participation);
      return new RemoveParticipation(participation.id());
    }

    @Override
    public String describe() {
      return "Gave actor " + participation.actor() + " a role in " + participation.target();
    }
  }

  /** Removes an actor's role. */
  public record RemoveParticipation(ElementId participationId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Participation before =
          Require.present(
              tx.journeys().findParticipation(participationId), "Participation " + participationId);
      tx.journeys().deleteParticipation(participationId);
      return new AddParticipation(before);
    }

    @Override
    public String describe() {
      return "Removed participation " + participationId;
    }
  }

  /** Links an element to a passage or a source. */
  public record AddEvidence(Evidence evidence) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Require.present(
          tx.journeys().find(new ElementId(evidence.element().id())),
          "Element " + evidence.element());
      Require.present(tx.corpus().findSource(evidence.sourceId()), "Source " + evidence.sourceId());
      tx.journeys().insertEvidence(evidence);
      return new RemoveEvidence(evidence.id());
    }

    @Override
    public String describe() {
      return "Linked evidence from source " + evidence.sourceId() + " to " + evidence.element();
    }
  }

  /** Removes a piece of evidence. */
  public record RemoveEvidence(ElementId evidenceId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Evidence before =
          Require.present(tx.journeys().findEvidence(evidenceId), "Evidence " + evidenceId);
      tx.journeys().deleteEvidence(evidenceId);
      return new AddEvidence(before);
    }

    @Override
    public String describe() {
      return "Removed evidence " + evidenceId;
    }
  }

  /** Adds a term to a vocabulary for one inquiry. */
  public record AddTerm(InquiryTerm term) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      boolean taken =
          tx.journeys().terms(term.inquiryId()).stream()
              .anyMatch(
                  t ->
                      t.vocabulary() == term.vocabulary()
                          && t.term().id().equals(term.term().id()));
      Require.state(!taken, "The term " + term.term().id() + " exists already");
      tx.journeys().insertTerm(term);
      return new RemoveTerm(term.id());
    }

    @Override
    public String describe() {
      return "Added term " + term.term().id() + " to " + term.vocabulary().id();
    }
  }

  /** Removes a term an inquiry added. */
  public record RemoveTerm(ElementId termId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      InquiryTerm before =
          Require.present(tx.journeys().findTerm(termId), "Vocabulary term " + termId);
      tx.journeys().deleteTerm(termId);
      return new AddTerm(before);
    }

    @Override
    public String describe() {
      return "Removed term " + termId;
    }
  }
}
