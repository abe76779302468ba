package org.fabrique.formats.refi;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.formats.refi.RefiModel.Selection;

/**
 * Places the selections of one source on its plain text, only where the placement is verified.
 *
 * <p>Every reading of the positions the shipped text allows (code points, UTF-16 units or UTF-8
 * bytes; byte-order mark counted or not; CRLF as two characters or one) is applied to every
 * selection. Readings that place every selection alike are one; when there is only one, there is
 * nothing to choose. Otherwise the readings are compared on the selections they place differently:
 * by their quotes where the selections' names are quotes (they are when, under some reading, most
 * of them are the text they select), or else by how many starts and ends fall on the edges of words
 * and lines, as the selections of a person do. The best reading is kept when it is clearly better
 * than the next; when it is not, the convention of the producing tool (read from the project's
 * {@code origin}) may decide between readings the evidence cannot tell apart; failing that, the
 * selections the readings disagree on are refused, and only those every reading places alike are
 * kept.
 */
final class SelectionPlacement {
  /** The evidence the kept reading must reach on the disputed selections. */
  static final double ENOUGH = 0.75;

  /** A selection placed on the plain text, {@code [start, end)} in code points. */
  record Placement(Selection selection, int start, int end, How how) {}

  /** How a selection was placed. */
  enum How {
    /** Every reading of its positions gives the same place. */
    UNDISPUTED,
    /** By the reading kept for the source. */
    READING,
    /** By its quote, found in the text. */
    QUOTE
  }

  /** What was decided for a source: the reading kept, or why none was. */
  record Decision(
      Optional<PositionReading> reading,
      String evidence,
      List<Placement> placed,
      List<Selection> refused,
      List<Selection> unplaceable,
      boolean byConvention,
      int quoteMismatches) {}

  private final ShippedText shipped;
  private final PlainText text;
  private final Optional<PositionReading.Convention> convention;

  SelectionPlacement(ShippedText shipped, Optional<PositionReading.Convention> convention) {
    this.shipped = shipped;
    this.text = shipped.plain();
    this.convention = convention;
  }

  /** The placements of one reading: [start, end] per selection, or null where it fails. */
  private record Candidate(PositionReading reading, int[][] spans) {}

  Decision place(List<Selection> selections) {
    long[] positions = positions(selections);
    List<Candidate> candidates = new ArrayList<>();
    for (PositionReading reading : shipped.readings()) {
      int[] placed = shipped.place(reading, positions);
      int[][] spans = new int[selections.size()][];
      for (int i = 0; i < selections.size(); i++) {
        Selection s = selections.get(i);
        int start = at(positions, placed, s.start());
        int end = at(positions, placed, s.end());
        spans[i] = start >= 0 && end > start ? new int[] {start, end} : null;
      }
      candidates.add(new Candidate(reading, spans));
    }
    // readings that place every selection alike are one
    Map<String, List<Candidate>> groups = new LinkedHashMap<>();
    for (Candidate candidate : candidates) {
      groups.computeIfAbsent(key(candidate.spans()), k -> new ArrayList<>()).add(candidate);
    }
    List<List<Candidate>> distinct = new ArrayList<>(groups.values());
    boolean[] disputed = new boolean[selections.size()];
    for (int i = 0; i < selections.size(); i++) {
      for (List<Candidate> group : distinct) {
        if (!same(group.get(0).spans()[i], distinct.get(0).get(0).spans()[i])) {
          disputed[i] = true;
        }
      }
    }
    boolean quotes = namesAreQuotes(selections, distinct);
    if (distinct.size() == 1) {
      return decided(selections, distinct.get(0), disputed, quotes, "", false);
    }
    int disputedCount = 0;
    for (boolean d : disputed) {
      disputedCount += d ? 1 : 0;
    }
    List<Scored> scored = new ArrayList<>();
    for (List<Candidate> group : distinct) {
      double sum = 0;
      for (int i = 0; i < selections.size(); i++) {
        if (disputed[i]) {
          sum += evidence(selections.get(i), group.get(0).spans()[i], quotes);
        }
      }
      scored.add(new Scored(group, sum / disputedCount));
    }
    scored.sort((a, b) -> Double.compare(b.score(), a.score()));
    Scored best = scored.get(0);
    Scored second = scored.get(1);
    double margin = Math.max(0.2, 1 / Math.sqrt(disputedCount));
    String evidence = evidence(scored, disputedCount, quotes);
    if (best.score() >= ENOUGH && best.score() - second.score() >= margin) {
      return decided(selections, best.group(), disputed, quotes, evidence, false);
    }
    if (convention.isPresent()) {
      for (Scored candidate : scored) {
        boolean conventional =
            candidate.group().stream().anyMatch(c -> convention.get().allows(c.reading()));
        if (conventional
            && candidate.score() >= ENOUGH
            && candidate.score() >= best.score() - 0.05) {
          return decided(selections, candidate.group(), disputed, quotes, evidence, true);
        }
      }
    }
    return refused(selections, distinct.get(0), disputed, evidence);
  }

  private record Scored(List<Candidate> group, double score) {}

  /**
   * Places selections on a text that is not the one their positions count (it was extracted from
   * the original): by their quotes only.
   */
  Decision byQuotes(List<Selection> selections) {
    List<Placement> placed = new ArrayList<>();
    List<Selection> unplaceable = new ArrayList<>();
    for (Selection selection : selections) {
      Optional<int[]> found = quote(selection).flatMap(q -> search(q, selection.start()));
      if (found.isPresent()) {
        placed.add(new Placement(selection, found.get()[0], found.get()[1], How.QUOTE));
      } else {
        unplaceable.add(selection);
      }
    }
    return new Decision(
        Optional.empty(),
        "the text was extracted from the original",
        placed,
        List.of(),
        unplaceable,
        false,
        0);
  }

  private static String key(int[][] spans) {
    StringBuilder key = new StringBuilder();
    for (int[] span : spans) {
      key.append(span == null ? "-" : span[0] + ":" + span[1]).append(';');
    }
    return key.toString();
  }

  private static boolean same(int[] a, int[] b) {
    return Arrays.equals(a, b);
  }

  /** The group to keep: the reading among them the standard or the convention prefers. */
  private PositionReading preferred(List<Candidate> group) {
    for (Candidate candidate : group) {
      if (candidate.reading().equals(PositionReading.STANDARD)) {
        return candidate.reading();
      }
    }
    if (convention.isPresent()) {
      for (Candidate candidate : group) {
        if (convention.get().allows(candidate.reading())) {
          return candidate.reading();
        }
      }
    }
    return group.get(0).reading();
  }

  private Decision decided(
      List<Selection> selections,
      List<Candidate> group,
      boolean[] disputed,
      boolean quotes,
      String evidence,
      boolean byConvention) {
    int[][] spans = group.get(0).spans();
    List<Placement> placed = new ArrayList<>();
    List<Selection> unplaceable = new ArrayList<>();
    int mismatches = 0;
    for (int i = 0; i < selections.size(); i++) {
      Selection selection = selections.get(i);
      int[] span = spans[i];
      Optional<String> quote = quote(selection);
      if (span != null && (!quotes || quote.isEmpty() || fits(span, quote.get()))) {
        placed.add(
            new Placement(selection, span[0], span[1], disputed[i] ? How.READING : How.UNDISPUTED));
        continue;
      }
      Optional<int[]> found =
          quote.flatMap(q -> search(q, span != null ? span[0] : selection.start()));
      if (found.isPresent()) {
        placed.add(new Placement(selection, found.get()[0], found.get()[1], How.QUOTE));
      } else if (span != null) {
        mismatches++;
        placed.add(
            new Placement(selection, span[0], span[1], disputed[i] ? How.READING : How.UNDISPUTED));
      } else {
        unplaceable.add(selection);
      }
    }
    return new Decision(
        Optional.of(preferred(group)),
        evidence,
        placed,
        List.of(),
        unplaceable,
        byConvention,
        mismatches);
  }

  private Decision refused(
      List<Selection> selections, List<Candidate> any, boolean[] disputed, String evidence) {
    int[][] spans = any.get(0).spans();
    List<Placement> placed = new ArrayList<>();
    List<Selection> refused = new ArrayList<>();
    List<Selection> unplaceable = new ArrayList<>();
    for (int i = 0; i < selections.size(); i++) {
      if (disputed[i]) {
        refused.add(selections.get(i));
      } else if (spans[i] != null) {
        placed.add(new Placement(selections.get(i), spans[i][0], spans[i][1], How.UNDISPUTED));
      } else {
        unplaceable.add(selections.get(i));
      }
    }
    return new Decision(Optional.empty(), evidence, placed, refused, unplaceable, false, 0);
  }

  /** The distinct positions of the selections, sorted. */
  private static long[] positions(List<Selection> selections) {
    TreeSet<Long> all = new TreeSet<>();
    for (Selection s : selections) {
      all.add(s.start());
      all.add(s.end());
    }
    return all.stream().mapToLong(Long::longValue).toArray();
  }

  private static int at(long[] positions, int[] placed, long position) {
    int index = Arrays.binarySearch(positions, position);
    return index >= 0 ? placed[index] : -1;
  }

  /**
   * The names are quotes when, under some reading, at least half of the named selections are the
   * text they select (a name such as "line:12" or "Selection 4" is a label).
   */
  private boolean namesAreQuotes(List<Selection> selections, List<List<Candidate>> groups) {
    int named = 0;
    for (Selection s : selections) {
      named += quote(s).isPresent() ? 1 : 0;
    }
    if (named == 0) {
      return false;
    }
    for (List<Candidate> group : groups) {
      int matching = 0;
      int[][] spans = group.get(0).spans();
      for (int i = 0; i < selections.size(); i++) {
        Optional<String> quote = quote(selections.get(i));
        if (quote.isPresent() && spans[i] != null && fits(spans[i], quote.get())) {
          matching++;
        }
      }
      if (matching * 2 >= named) {
        return true;
      }
    }
    return false;
  }

  /** What a placement says for its reading: its quote, or the edges it falls on. */
  private double evidence(Selection selection, int[] span, boolean quotes) {
    if (span == null) {
      return 0;
    }
    Optional<String> quote = quote(selection);
    if (quotes && quote.isPresent()) {
      return fits(span, quote.get()) ? 1 : 0;
    }
    return (edge(span[0]) + edge(span[1])) / 2.0;
  }

  /** 1 when a position is at the start or end of the text, a line, a word or a run of spaces. */
  private int edge(int position) {
    if (position <= 0 || position >= text.length()) {
      return 1;
    }
    int at = text.toUtf16(position);
    int before = text.text().codePointBefore(at);
    int after = text.text().codePointAt(at);
    return word(before) != word(after) || space(before) != space(after) ? 1 : 0;
  }

  private static boolean word(int c) {
    return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  private static boolean space(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private String evidence(List<Scored> scored, int disputed, boolean quotes) {
    StringBuilder text = new StringBuilder();
    text.append(disputed)
        .append(" selection(s) are placed differently by the readings: ")
        .append(quotes ? "their quotes match" : "their starts and ends fall on word or line edges")
        .append(" in ");
    for (int i = 0; i < scored.size() && i < 3; i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(Math.round(scored.get(i).score() * 100))
          .append("% read as ")
          .append(preferred(scored.get(i).group()).describe(shipped.hasBom(), shipped.hasCrlf()));
    }
    return text.toString();
  }

  private static Optional<String> quote(Selection selection) {
    return selection.name().map(Quotes::comparable).filter(q -> !q.isEmpty());
  }

  private boolean fits(int[] span, String wanted) {
    return Quotes.fits(text.substring(span[0], span[1]), wanted);
  }

  /** The occurrence of a quote nearest to where the selection said it was. */
  private Optional<int[]> search(String quote, long near) {
    String needle = Quotes.searchable(quote);
    if (needle.isBlank()) {
      return Optional.empty();
    }
    String haystack = text.text();
    int best = -1;
    long bestDistance = Long.MAX_VALUE;
    for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      int cp = text.toCodePoint(at);
      long distance = Math.abs(cp - near);
      if (distance < bestDistance) {
        best = cp;
        bestDistance = distance;
      }
    }
    if (best < 0) {
      return Optional.empty();
    }
    return Optional.of(new int[] {best, best + needle.codePointCount(0, needle.length())});
  }

  /** How quotes are compared with the text: NFC, whitespace runs as one space, no ellipsis. */
  static final class Quotes {
    private Quotes() {}

    static boolean fits(String candidate, String wanted) {
      String found = comparable(candidate);
      return found.equals(wanted) || (wanted.length() >= 8 && found.startsWith(wanted));
    }

    static String comparable(String text) {
      String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
      return stripEllipsis(normalized.replaceAll("\\s+", " ").strip()).toLowerCase(Locale.ROOT);
    }

    /** A quote as it is searched in the plain text: its own spacing, line ends as LF, NFC. */
    static String searchable(String quote) {
      String needle =
          Normalizer.normalize(
              quote.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
      return stripEllipsis(needle);
    }

    private static String stripEllipsis(String text) {
      String stripped = text;
      if (stripped.endsWith("…")) {
        stripped = stripped.substring(0, stripped.length() - 1);
      } else if (stripped.endsWith("...")) {
        stripped = stripped.substring(0, stripped.length() - 3);
      }
      return stripped.strip().isEmpty() ? text : stripped;
    }
  }
}
