package org.fabrique.web.corpus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.error.Problem;
import org.fabrique.web.attribute.AttributeJson;

/** The JSON of sources, imports and text windows. */
public final class SourceJson {
  private SourceJson() {}

  /** A source; {@code length} is in code points; {@code date} and {@code caseId} may be null. */
  public record SourceOut(
      long id,
      long inquiryId,
      String title,
      String kind,
      LocalDate date,
      String language,
      Long caseId,
      String confidentiality,
      String originalFileName,
      String mediaType,
      int length,
      Instant importedAt,
      long importedBy,
      int codings,
      List<AttributeJson.ValueOut> attributes) {
    public static SourceOut of(Source s, int codings, List<AttributeJson.ValueOut> attributes) {
      return new SourceOut(
          s.id().value(),
          s.inquiryId().value(),
          s.title(),
          s.kind().id(),
          s.date().orElse(null),
          s.language(),
          s.caseId().map(c -> c.value()).orElse(null),
          s.confidentiality().id(),
          s.originalFileName(),
          s.mediaType(),
          s.length(),
          s.importedAt(),
          s.importedBy().value(),
          codings,
          attributes);
    }
  }

  /** The editable description of a source; every field is required except date and caseId. */
  /** An inquiry's speaker pattern (null: none), in and out. */
  public record SpeakerPattern(String pattern) {}

  public record MetadataIn(
      String title,
      String kind,
      LocalDate date,
      String language,
      Long caseId,
      String confidentiality) {}

  /** What became of one file of an import. */
  public record FileOut(
      String fileName, boolean imported, Long sourceId, String title, List<ProblemOut> problems) {}

  /** A problem met while importing, for users. */
  public record ProblemOut(String severity, String message) {
    static ProblemOut of(Problem problem, java.util.function.UnaryOperator<String> inLanguage) {
      return new ProblemOut(
          problem.severity().name().toLowerCase(java.util.Locale.ROOT),
          inLanguage.apply(problem.message()));
    }
  }

  /** A background import: its state, its progress and, once done, what became of each file. */
  public record JobOut(
      String id,
      long inquiryId,
      String state,
      int done,
      int total,
      String currentFile,
      List<FileOut> files) {}

  /**
   * A window of a source's text, {@code [from, to)} in code points, with the codings that overlap
   * it and the speaker turns that overlap it. Spans and turns keep their whole extent, which may
   * reach outside the window.
   */
  public record WindowOut(
      long sourceId,
      int length,
      int from,
      int to,
      String text,
      List<SpanOut> spans,
      List<TurnOut> turns) {}

  /** A coding as the document view draws it. */
  public record SpanOut(
      long codingId, long segmentId, int start, int end, long codeId, long coderId) {}

  /** A speaker turn. */
  public record TurnOut(int start, int end, String speaker, String timestamp) {
    static TurnOut of(SpeakerTurn turn) {
      return new TurnOut(turn.start(), turn.end(), turn.speaker(), turn.timestamp().orElse(null));
    }
  }
}
