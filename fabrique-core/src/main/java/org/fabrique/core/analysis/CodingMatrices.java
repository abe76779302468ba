package org.fabrique.core.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.SourceId;

/**
 * Codes crossed with something each source belongs to: itself, its case, the value of an attribute.
 * The columns are given by a function from a source to the keys of its columns (none when the
 * source has no value), so one algorithm serves code × source, code × case and code × attribute.
 */
public final class CodingMatrices {
  private CodingMatrices() {}

  /**
   * Counts, for each code and column, the segments carrying the code in sources of that column.
   *
   * @param columnsOfSource the keys of the columns a source falls in
   */
  public static Matrix codesBy(
      String corner,
      CodingSnapshot snapshot,
      List<Code> codes,
      List<Matrix.Header> columns,
      Function<SourceId, List<String>> columnsOfSource) {
    return codesBy(corner, snapshot, codes, columns, columnsOfSource, code -> List.of(code.id()));
  }

  /**
   * Counts as {@link #codesBy(String, CodingSnapshot, List, List, Function)} does, each row over
   * the segments of the codes {@code counted} gives for its code (a segment carrying several of
   * them counted once).
   */
  public static Matrix codesBy(
      String corner,
      CodingSnapshot snapshot,
      List<Code> codes,
      List<Matrix.Header> columns,
      Function<SourceId, List<String>> columnsOfSource,
      Function<Code, List<CodeId>> counted) {
    Map<String, Integer> columnIndex = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      columnIndex.put(columns.get(i).key(), i);
    }
    Map<SourceId, int[]> columnCache = new HashMap<>();
    List<Matrix.Header> rows = new ArrayList<>();
    List<List<Matrix.Cell>> cells = new ArrayList<>();
    for (Code code : codes) {
      rows.add(new Matrix.Header(code.id().toString(), code.name()));
      int[] segments = new int[columns.size()];
      long[] characters = new long[columns.size()];
      int[] sources = new int[columns.size()];
      int[] coveredUntil = new int[columns.size()];
      SourceId current = null;
      for (CodedSegment segment : segmentsWith(snapshot, counted.apply(code))) {
        int[] indices =
            columnCache.computeIfAbsent(
                segment.sourceId(),
                source ->
                    columnsOfSource.apply(source).stream()
                        .map(columnIndex::get)
                        .filter(i -> i != null)
                        .mapToInt(Integer::intValue)
                        .distinct()
                        .toArray());
        boolean newSource = !segment.sourceId().equals(current);
        current = segment.sourceId();
        for (int column : indices) {
          if (newSource) {
            sources[column]++;
            coveredUntil[column] = 0;
          }
          segments[column]++;
          characters[column] +=
              Math.max(0, segment.end() - Math.max(segment.start(), coveredUntil[column]));
          coveredUntil[column] = Math.max(coveredUntil[column], segment.end());
        }
      }
      List<Matrix.Cell> row = new ArrayList<>(columns.size());
      for (int i = 0; i < columns.size(); i++) {
        row.add(
            segments[i] == 0
                ? Matrix.Cell.EMPTY
                : new Matrix.Cell(segments[i], characters[i], sources[i]));
      }
      cells.add(row);
    }
    return new Matrix(corner, rows, columns, cells);
  }

  /**
   * The segments carrying any of these codes, each once, in text order (source by source, as {@link
   * CodingSnapshot#segmentsWith} gives them).
   */
  static List<CodedSegment> segmentsWith(CodingSnapshot snapshot, List<CodeId> codes) {
    if (codes.size() == 1) {
      return snapshot.segmentsWith(codes.get(0));
    }
    Map<SegmentId, CodedSegment> unique = new LinkedHashMap<>();
    for (CodeId code : codes) {
      snapshot.segmentsWith(code).forEach(segment -> unique.putIfAbsent(segment.id(), segment));
    }
    List<CodedSegment> merged = new ArrayList<>(unique.values());
    merged.sort(
        Comparator.comparingLong((CodedSegment s) -> s.sourceId().value())
            .thenComparingInt(CodedSegment::start)
            .thenComparingInt(CodedSegment::end));
    return merged;
  }

  /** The segments behind one cell of a matrix built by {@link #codesBy}. */
  public static List<CodedSegment> drillDown(
      CodingSnapshot snapshot,
      CodeId code,
      String columnKey,
      Function<SourceId, List<String>> columnsOfSource) {
    return drillDown(snapshot, List.of(code), columnKey, columnsOfSource);
  }

  /** The segments behind one cell of a row counting several codes. */
  public static List<CodedSegment> drillDown(
      CodingSnapshot snapshot,
      List<CodeId> codes,
      String columnKey,
      Function<SourceId, List<String>> columnsOfSource) {
    Map<SourceId, Boolean> inColumn = new HashMap<>();
    List<CodedSegment> found = new ArrayList<>();
    for (CodedSegment segment : segmentsWith(snapshot, codes)) {
      if (inColumn.computeIfAbsent(
          segment.sourceId(), s -> columnsOfSource.apply(s).contains(columnKey))) {
        found.add(segment);
      }
    }
    return found;
  }

  /**
   * Code co-occurrence: for two different codes, the number of pairs of segments (or single
   * segments carrying both) where one carries the first code and the other the second, close enough
   * in the same source. The diagonal holds the number of segments of each code. The matrix is
   * symmetric; cells count segments, and the other measures are left at 0.
   */
  public static Matrix coOccurrence(
      CodingSnapshot snapshot, List<Code> codes, Proximity proximity) {
    int size = codes.size();
    Map<CodeId, Integer> index = new HashMap<>();
    for (int i = 0; i < size; i++) {
      index.put(codes.get(i).id(), i);
    }
    long[][] counts = new long[size][size];
    Set<Long> pairCodes = new HashSet<>();
    for (SourceId source : snapshot.sources()) {
      List<CodedSegment> segments = snapshot.segmentsOf(source);
      for (int i = 0; i < segments.size(); i++) {
        CodedSegment first = segments.get(i);
        int[] firstCodes = indices(first, index);
        for (int a : firstCodes) {
          counts[a][a]++;
        }
        pairCodes.clear();
        collect(firstCodes, firstCodes, pairCodes);
        count(pairCodes, counts);
        int reach = proximity.reach(first.end());
        for (int j = i + 1; j < segments.size() && segments.get(j).start() <= reach; j++) {
          CodedSegment second = segments.get(j);
          if (proximity.holds(first, second)) {
            pairCodes.clear();
            collect(firstCodes, indices(second, index), pairCodes);
            count(pairCodes, counts);
          }
        }
      }
    }
    List<Matrix.Header> headers =
        codes.stream().map(c -> new Matrix.Header(c.id().toString(), c.name())).toList();
    List<List<Matrix.Cell>> cells = new ArrayList<>();
    for (int row = 0; row < size; row++) {
      List<Matrix.Cell> line = new ArrayList<>(size);
      for (int column = 0; column < size; column++) {
        long n = counts[row][column];
        line.add(n == 0 ? Matrix.Cell.EMPTY : new Matrix.Cell((int) n, 0, 0));
      }
      cells.add(line);
    }
    return new Matrix("Code / Code (" + proximity.describe() + ")", headers, headers, cells);
  }

  /** A pair of segments behind a co-occurrence cell; both are the same segment when it has both. */
  public record SegmentPair(CodedSegment first, CodedSegment second) {}

  /** The pairs of segments behind one co-occurrence cell. */
  public static List<SegmentPair> coOccurrences(
      CodingSnapshot snapshot, CodeId first, CodeId second, Proximity proximity) {
    Map<SourceId, List<CodedSegment>> seconds = new HashMap<>();
    for (CodedSegment segment : snapshot.segmentsWith(second)) {
      seconds.computeIfAbsent(segment.sourceId(), k -> new ArrayList<>()).add(segment);
    }
    Set<List<Long>> seen = new HashSet<>();
    List<SegmentPair> pairs = new ArrayList<>();
    for (CodedSegment a : snapshot.segmentsWith(first)) {
      for (CodedSegment b : seconds.getOrDefault(a.sourceId(), List.of())) {
        boolean close = a.equals(b) || proximity.holds(a, b);
        long low = Math.min(a.id().value(), b.id().value());
        long high = Math.max(a.id().value(), b.id().value());
        if (close && seen.add(List.of(low, high))) {
          pairs.add(new SegmentPair(a, b));
        }
      }
    }
    return pairs;
  }

  private static int[] indices(CodedSegment segment, Map<CodeId, Integer> index) {
    int[] found = new int[segment.codes().size()];
    int n = 0;
    for (CodeId code : segment.codes()) {
      Integer i = index.get(code);
      if (i != null) {
        found[n++] = i;
      }
    }
    return java.util.Arrays.copyOf(found, n);
  }

  private static void collect(int[] first, int[] second, Set<Long> pairs) {
    for (int a : first) {
      for (int b : second) {
        if (a != b) {
          pairs.add(((long) Math.min(a, b) << 32) | Math.max(a, b));
        }
      }
    }
  }

  private static void count(Set<Long> pairs, long[][] counts) {
    for (long pair : pairs) {
      int a = (int) (pair >> 32);
      int b = (int) pair;
      counts[a][b]++;
      counts[b][a]++;
    }
  }
}
