package org.fabrique.core.journey.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.KnownBy;
import org.fabrique.core.journey.Span;
import org.fabrique.core.memo.ItemKind;

/**
 * One element a journey query found, with what a researcher needs to read and cite it: why (its
 * rationale), who (its actors and their roles), on what evidence (quotes with their source, speaker
 * and position) and what it is linked to (the choices and tensions around it).
 *
 * @param type an intervention's type, a tension's nature, a use's purpose…: a vocabulary term id
 * @param status a choice's or a tension's status, a procedure's outcome, or empty
 * @param dimensions the element's dimensions (its own, or those of the choices linked to it)
 * @param date the day it happened, when known
 */
public record JourneyRow(
    ItemKind kind,
    ElementId id,
    String label,
    Optional<CaseId> caseId,
    String caseName,
    Optional<Domain> domain,
    String type,
    String status,
    List<String> dimensions,
    String decisionMode,
    String resolutionMode,
    KnownBy knownBy,
    Optional<LocalDate> date,
    String rationale,
    List<RowActor> actors,
    List<Quote> quotes,
    List<Related> related) {
  public JourneyRow {
    dimensions = List.copyOf(dimensions);
    actors = List.copyOf(actors);
    quotes = List.copyOf(quotes);
    related = List.copyOf(related);
  }

  /**
   * An actor of the element and its role in it.
   *
   * @param role a term of the roles vocabulary (a participation), or one of the parts of {@link
   *     org.fabrique.core.journey.kind.QueryFacts#PARTS}
   * @param detail what the element says of the actor (a stance, the option proposed), or empty
   */
  public record RowActor(
      ElementId id,
      String pseudonym,
      String category,
      String institution,
      String role,
      String detail) {}

  /**
   * A passage of evidence.
   *
   * @param span the passage in code points of the source's text, or empty for the whole source
   * @param speaker who speaks at the start of the passage, in an interview
   * @param timestamp the time of that turn, when the transcript gives one
   * @param codes the codes on segments overlapping the passage
   */
  public record Quote(
      ElementId evidenceId,
      SourceId sourceId,
      String sourceTitle,
      Optional<Span> span,
      String text,
      Optional<String> speaker,
      Optional<String> timestamp,
      List<CodeLabel> codes) {
    public Quote {
      codes = List.copyOf(codes);
    }

    /**
     * How a researcher cites the passage: the source's title, then the time of the turn (or the
     * speaker), e.g. "Interview DC04, 12:31".
     */
    public String citation() {
      return timestamp
          .or(() -> speaker)
          .map(where -> sourceTitle + ", " + where)
          .orElse(sourceTitle);
    }
  }

  /** A code on a passage of evidence. */
  public record CodeLabel(CodeId id, String name) {}

  /**
   * An element linked to the row's element: a choice about it, a tension about it and how it was
   * resolved, the choice a tension is about.
   */
  public record Related(
      ItemKind kind,
      ElementId id,
      String label,
      String status,
      String resolutionMode,
      String resolution) {}
}
