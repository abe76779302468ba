package org.fabrique.core.redaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.fabrique.core.corpus.PlainText;

/**
 * A plain text with replacements applied, as it leaves the store, and the map from positions in the
 * stored text to positions in this one. The stored text never changes; codings, search hits and
 * evidence are moved onto the output with {@link #start} and {@link #end} so that they stay on the
 * same words. A position inside a replaced passage moves to the edge of its replacement: a segment
 * that covered part of a name covers its whole replacement.
 */
public final class RedactedText {
  /** A replacement of {@code [start, end)} (code points of the stored text). */
  public record Replacement(int start, int end, String text) {}

  private final PlainText output;
  private final int[] starts;
  private final int[] ends;
  private final int[] outputStarts;
  private final int[] outputEnds;

  private RedactedText(PlainText output, int[] starts, int[] ends, int[] outStarts, int[] outEnds) {
    this.output = output;
    this.starts = starts;
    this.ends = ends;
    this.outputStarts = outStarts;
    this.outputEnds = outEnds;
  }

  /** The text unchanged. */
  public static RedactedText unchanged(PlainText text) {
    return apply(text, List.of());
  }

  /**
   * Applies replacements; overlapping ones are merged into the first (the later one is skipped).
   */
  public static RedactedText apply(PlainText text, List<Replacement> replacements) {
    List<Replacement> sorted = new ArrayList<>(replacements);
    sorted.sort(Comparator.comparingInt(Replacement::start).thenComparingInt(Replacement::end));
    StringBuilder out = new StringBuilder(text.text().length());
    int n = sorted.size();
    int[] starts = new int[n];
    int[] ends = new int[n];
    int[] outStarts = new int[n];
    int[] outEnds = new int[n];
    int count = 0;
    int position = 0;
    int outputLength = 0;
    for (Replacement r : sorted) {
      if (r.start() < position || r.end() > text.length() || r.end() <= r.start()) {
        continue;
      }
      String kept = text.slice(position, r.start());
      out.append(kept);
      outputLength += kept.codePointCount(0, kept.length());
      starts[count] = r.start();
      ends[count] = r.end();
      outStarts[count] = outputLength;
      out.append(r.text());
      outputLength += r.text().codePointCount(0, r.text().length());
      outEnds[count] = outputLength;
      count++;
      position = r.end();
    }
    out.append(text.slice(position, text.length()));
    return new RedactedText(
        PlainText.of(out.toString()),
        Arrays.copyOf(starts, count),
        Arrays.copyOf(ends, count),
        Arrays.copyOf(outStarts, count),
        Arrays.copyOf(outEnds, count));
  }

  /** The text as it leaves the store. */
  public PlainText text() {
    return output;
  }

  /** How many passages were replaced. */
  public int replaced() {
    return starts.length;
  }

  /** Whether anything was replaced. */
  public boolean changed() {
    return starts.length > 0;
  }

  /** Where a passage starting at {@code position} of the stored text starts in the output. */
  public int start(int position) {
    int i = lastStartingAtOrBefore(position);
    if (i < 0) {
      return position;
    }
    if (position < ends[i]) {
      return outputStarts[i];
    }
    return outputEnds[i] + (position - ends[i]);
  }

  /** Where a passage ending at {@code position} of the stored text ends in the output. */
  public int end(int position) {
    int i = lastStartingBefore(position);
    if (i < 0) {
      return position;
    }
    if (position <= ends[i]) {
      return outputEnds[i];
    }
    return outputEnds[i] + (position - ends[i]);
  }

  /** The output text of a passage {@code [start, end)} of the stored text. */
  public String passage(int start, int end) {
    int from = start(start);
    int to = end(end);
    return to <= from ? "" : output.substring(from, to);
  }

  private int lastStartingAtOrBefore(int position) {
    int index = Arrays.binarySearch(starts, position);
    return index >= 0 ? index : -index - 2;
  }

  private int lastStartingBefore(int position) {
    int index = Arrays.binarySearch(starts, position);
    return index >= 0 ? index - 1 : -index - 2;
  }
}
