package org.fabrique.core.redaction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.fabrique.core.analysis.AnalysisScope;
import org.fabrique.core.analysis.Matrix;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;

/**
 * What one export may carry under a profile: every exit of Fabrique asks here which sources go out,
 * what their text becomes and where positions land, and what free text becomes. It counts what it
 * redacted and left out, for the data-loss report beside the export.
 */
public final class ExportScope {
  /** What an export under a profile changed or left out, in counts (never content). */
  public record Report(
      String profile,
      int sourcesLeftOut,
      int sourcesRedacted,
      int passagesReplaced,
      int valuesReplacedInFreeText) {
    /** The lines of the data-loss report. */
    public List<String> lines() {
      return List.of(
          "Redaction profile: " + profile,
          sourcesLeftOut
              + " source(s) left out, with their codings and evidence (confidentiality above"
              + " what the profile allows)",
          passagesReplaced + " passage(s) replaced in " + sourcesRedacted + " source(s)",
          valuesReplacedInFreeText + " value(s) replaced in titles, memos and notes");
    }
  }

  private final ExportProfile profile;
  private final Redactor redactor;
  private final Function<SourceId, PlainText> texts;
  private final Map<SourceId, RedactedText> redacted = new HashMap<>();
  private final Set<Long> leftOut = new TreeSet<>();
  private int freeTextReplacements;

  ExportScope(ExportProfile profile, Redactor redactor, Function<SourceId, PlainText> texts) {
    this.profile = profile;
    this.redactor = redactor;
    this.texts = texts;
  }

  /**
   * The scope of an export as stored (the internal profile), for callers that read the stored files
   * themselves: its texts are never asked for ({@link #changesText()} is false).
   */
  public static ExportScope asStored() {
    return new ExportScope(
        ExportProfile.INTERNAL,
        Redactor.none(),
        id -> {
          throw new IllegalStateException("An export as stored reads the stored text itself");
        });
  }

  public ExportProfile profile() {
    return profile;
  }

  /**
   * Whether the text of sources changes under the profile: when it does not, an export may copy the
   * stored text as it is.
   */
  public boolean changesText() {
    return profile.redacts();
  }

  /**
   * Whether the original files of sources (PDF, DOCX…) may go out: only as stored, since their
   * bytes cannot be redacted.
   */
  public boolean allowsOriginals() {
    return profile.isInternal();
  }

  /** Whether a source goes out under the profile; a source left out is counted. */
  public boolean includes(Source source) {
    if (profile.allows(source.confidentiality())) {
      return true;
    }
    leftOut.add(source.id().value());
    return false;
  }

  /** Whether material of a confidentiality level goes out (evidence, journey elements). */
  public boolean allows(Confidentiality level) {
    return profile.allows(level);
  }

  /** The text of a source as it goes out, with the map of its positions. */
  public RedactedText text(Source source) {
    return redacted.computeIfAbsent(source.id(), id -> redactor.text(id, texts.apply(id)));
  }

  /** A passage {@code [start, end)} of a source as it goes out. */
  public String passage(Source source, int start, int end) {
    return text(source).passage(start, end);
  }

  /** Free text (a title, a memo, a note) as it goes out. */
  public String freeText(String text) {
    String out = redactor.freeText(text);
    if (out != null && !out.equals(text)) {
      freeTextReplacements++;
    }
    return out;
  }

  /**
   * Free text as it goes out, with the map of its positions (to cut a passage of a memo out of its
   * redacted text).
   */
  public RedactedText freeText(PlainText text) {
    RedactedText out = redactor.freeText(text);
    if (out.changed()) {
      freeTextReplacements++;
    }
    return out;
  }

  /** What an analysis exported under the profile looks at: no source above its level. */
  public AnalysisScope analysis(AnalysisScope scope) {
    return scope.upTo(profile.highest());
  }

  /**
   * A matrix (or a co-occurrence table) as it goes out: its labels (source titles, case names,
   * attribute values, code names) redacted. Its counts must come from {@link #analysis}.
   */
  public Matrix matrix(Matrix matrix) {
    if (!profile.redacts()) {
      return matrix;
    }
    return new Matrix(
        freeText(matrix.corner()),
        matrix.rows().stream().map(h -> new Matrix.Header(h.key(), freeText(h.label()))).toList(),
        matrix.columns().stream()
            .map(h -> new Matrix.Header(h.key(), freeText(h.label())))
            .toList(),
        matrix.cells());
  }

  public Report report() {
    int sources = 0;
    int passages = 0;
    for (RedactedText text : redacted.values()) {
      if (text.changed()) {
        sources++;
        passages += text.replaced();
      }
    }
    return new Report(profile.name(), leftOut.size(), sources, passages, freeTextReplacements);
  }
}
