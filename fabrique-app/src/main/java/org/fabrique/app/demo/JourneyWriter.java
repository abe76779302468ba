package org.fabrique.app.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.Fabrique;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.KnownBy;
import org.fabrique.core.journey.Position;
import org.fabrique.core.journey.Span;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.journey.UseCondition;
import org.fabrique.core.user.User;

/**
 * Writes the journey elements of one case of the demo inquiry, as its researcher, and their
 * evidence, found in the demo's field material by phrase. Each case of the demo is a class that
 * uses one, with a resource of evidence and roles beside it.
 */
final class JourneyWriter {
  private final Fabrique fabrique;
  private final Inquiry inquiry;
  private final User user;
  private final Case theCase;
  private final Map<String, Source> sources;

  JourneyWriter(
      Fabrique fabrique, Inquiry inquiry, User user, Case theCase, Map<String, Source> sources) {
    this.fabrique = fabrique;
    this.inquiry = inquiry;
    this.user = user;
    this.theCase = theCase;
    this.sources = sources;
  }

  /** A header for a new element of this case. */
  ElementHeader header(String label) {
    return ElementHeader.of(fabrique.journeys().newId(), inquiry.id(), theCase.id(), label);
  }

  /** Records a new element. */
  <T extends JourneyElement> T create(T element) {
    return fabrique.journeys().create(user.id(), element);
  }

  /** Records a changed element. */
  <T extends JourneyElement> T update(T element) {
    return fabrique.journeys().update(user.id(), element);
  }

  /** An actor of a category (a term of the actor-categories vocabulary) and an institution. */
  Actor actor(String pseudonym, ActorType type, String category, String institution) {
    return actor(pseudonym, type, Optional.empty(), category, institution);
  }

  /** An actor of a category and an institution; the real name, when given, is confidential. */
  Actor actor(
      String pseudonym,
      ActorType type,
      Optional<String> realName,
      String category,
      String institution) {
    return create(
        new Actor(
            header(pseudonym).withConfidentiality(Confidentiality.CONFIDENTIAL),
            type,
            realName,
            category,
            institution));
  }

  /** A choice decided on a day: the option selected among those proposed, why and how. */
  Choice decided(
      String question,
      Set<Dimension> dimensions,
      List<? extends JourneyElement> about,
      List<ChoiceOption> options,
      int selected,
      String rationale,
      String mode,
      List<Actor> deciders,
      String day) {
    return create(
        Choice.of(header(question), dimensions, about.stream().map(JourneyElement::id).toList())
            .decided(
                options,
                selected,
                rationale,
                mode,
                deciders.stream().map(Actor::id).toList(),
                Optional.of(LocalDate.parse(day))));
  }

  /** A tension between positions, resolved in a mode, as the resolution says. */
  Tension resolvedTension(
      String label,
      List<? extends JourneyElement> about,
      String nature,
      List<Position> positions,
      String mode,
      String resolution) {
    Tension open =
        create(
            Tension.open(
                header(label), about.stream().map(JourneyElement::id).toList(), nature, positions));
    return update(open.resolved(mode, resolution, Optional.empty()));
  }

  DataObject object(String label, DataObjectType type, String identifiability) {
    return object(label, type, identifiability, List.of());
  }

  DataObject object(
      String label, DataObjectType type, String identifiability, List<UseCondition> conditions) {
    return create(
        DataObject.of(header(label), type)
            .withIdentifiability(identifiability)
            .withUseConditions(conditions));
  }

  /**
   * An intervention from its inputs to one output.
   *
   * @param start an ISO-8601 instant, or empty when the date is not known
   */
  Intervention intervention(
      String label,
      String type,
      List<DataObject> inputs,
      DataObject output,
      Optional<String> start,
      KnownBy how) {
    return create(
        Intervention.of(
                header(label).withKnownBy(how),
                type,
                inputs.stream().map(DataObject::id).toList(),
                List.of(output.id()))
            .withTimes(start.map(Instant::parse), Optional.empty()));
  }

  /**
   * Adds the evidence and the roles listed in a resource of the demo, whose lines name elements of
   * the inquiry (of any case) by their labels: {@code evidence, element, file, phrase} anchors the
   * element in the passage of the file that holds the phrase; {@code role, element, actor, role}
   * gives the actor a role in the element.
   */
  void evidenceAndRoles(String resource) {
    for (String[] row : DemoFiles.rows(resource, 4)) {
      JourneyElement element = labelled(row[1]);
      switch (row[0]) {
        case "evidence" -> evidence(element, row[2], row[3]);
        case "role" ->
            fabrique
                .journeys()
                .addParticipation(user.id(), labelled(row[2]).id(), row[3], element.id());
        default ->
            throw new IllegalStateException(
                "Unknown line in the demo's " + resource + ": " + row[0]);
      }
    }
  }

  private JourneyElement labelled(String label) {
    List<JourneyElement> found =
        fabrique.journeys().elements(inquiry.id()).stream()
            .filter(e -> e.label().equals(label))
            .toList();
    if (found.size() != 1) {
      throw new IllegalStateException(
          "The demo names " + found.size() + " journey elements labelled " + label);
    }
    return found.get(0);
  }

  private void evidence(JourneyElement element, String file, String phrase) {
    Source source = sources.get(file);
    if (source == null) {
      throw new IllegalStateException("The demo quotes a file it does not have: " + file);
    }
    PlainText text = fabrique.corpus().text(source.id());
    int[] span = DemoFiles.find(text, phrase, file);
    fabrique
        .journeys()
        .addEvidence(
            user.id(), element.id(), source.id(), Optional.of(new Span(span[0], span[1])), "");
  }
}
