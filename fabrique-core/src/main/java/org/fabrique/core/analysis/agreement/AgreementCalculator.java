package org.fabrique.core.analysis.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodedSpan;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.user.UserId;

/**
 * Builds reliability data from codings and computes the measures. Every code is a binary variable
 * (coded or not); the units are the characters or the segments of the sources that all the coders
 * coded. The formulas are in docs/analysis.md.
 */
public final class AgreementCalculator {
  private final List<UserId> coders;
  private final Map<UserId, Integer> coderIndex = new HashMap<>();

  public AgreementCalculator(List<UserId> coders) {
    if (coders.size() < 2 || new HashSet<>(coders).size() != coders.size()) {
      throw new InvalidInputException("Agreement needs at least two different coders");
    }
    this.coders = List.copyOf(coders);
    for (int i = 0; i < coders.size(); i++) {
      coderIndex.put(coders.get(i), i);
    }
  }

  /**
   * Agreement at the level of characters.
   *
   * @param spans the codings in scope (others' codings are ignored)
   * @param lengths the length in code points of every source
   */
  public AgreementReport characters(List<CodedSpan> spans, Map<SourceId, Integer> lengths) {
    Map<SourceId, Map<CodeId, List<List<int[]>>>> bySource = group(spans);
    Map<CodeId, ReliabilityData> perCode = new TreeMap<>(BY_ID);
    List<Disagreement> disagreements = new ArrayList<>();
    Set<CodeId> allCodes = new TreeSet<>(BY_ID);
    bySource.values().forEach(m -> allCodes.addAll(m.keySet()));
    for (Map.Entry<SourceId, Map<CodeId, List<List<int[]>>>> source : bySource.entrySet()) {
      int length = lengths.getOrDefault(source.getKey(), 0);
      for (CodeId code : allCodes) {
        ReliabilityData data =
            perCode.computeIfAbsent(code, k -> new ReliabilityData(coders.size()));
        List<List<int[]>> byCoder = source.getValue().getOrDefault(code, emptyLists());
        runs(source.getKey(), code, byCoder, length, data, disagreements);
      }
    }
    disagreements.sort(
        java.util.Comparator.comparingLong((Disagreement d) -> d.sourceId().value())
            .thenComparingInt(Disagreement::start)
            .thenComparingLong(d -> d.codeId().value()));
    return report(AgreementLevel.CHARACTER, bySource.keySet(), perCode, disagreements);
  }

  /**
   * Agreement at the level of segments: the units are the distinct spans any coder coded in the
   * compared sources; coder i gives code c to unit u when they coded c on a span whose Jaccard
   * index with u (shared characters over characters of either) is at least {@code threshold}.
   */
  public AgreementReport segments(List<CodedSpan> spans, double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new InvalidInputException("The overlap threshold must be in (0, 1]: " + threshold);
    }
    Map<SourceId, Map<CodeId, List<List<int[]>>>> bySource = group(spans);
    Map<CodeId, ReliabilityData> perCode = new TreeMap<>(BY_ID);
    Set<CodeId> allCodes = new TreeSet<>(BY_ID);
    bySource.values().forEach(m -> allCodes.addAll(m.keySet()));
    for (Map.Entry<SourceId, Map<CodeId, List<List<int[]>>>> source : bySource.entrySet()) {
      Set<List<Integer>> units =
          new TreeSet<>(
              java.util.Comparator.comparing((List<Integer> u) -> u.get(0))
                  .thenComparing(u -> u.get(1)));
      for (List<List<int[]>> byCoder : source.getValue().values()) {
        for (List<int[]> coded : byCoder) {
          coded.forEach(span -> units.add(List.of(span[0], span[1])));
        }
      }
      for (CodeId code : allCodes) {
        ReliabilityData data =
            perCode.computeIfAbsent(code, k -> new ReliabilityData(coders.size()));
        List<List<int[]>> byCoder = source.getValue().get(code);
        if (byCoder == null) {
          data.addWeighted(units.size(), new int[coders.size()]);
          continue;
        }
        // units with the same values are added once, weighted by their number
        Map<List<Integer>, Integer> patterns = new HashMap<>();
        for (List<Integer> unit : units) {
          List<Integer> values = new ArrayList<>(coders.size());
          for (int i = 0; i < coders.size(); i++) {
            values.add(matches(byCoder.get(i), unit, threshold) ? 1 : 0);
          }
          patterns.merge(values, 1, Integer::sum);
        }
        patterns.forEach(
            (values, count) ->
                data.addWeighted(count, values.stream().mapToInt(Integer::intValue).toArray()));
      }
    }
    return report(AgreementLevel.SEGMENT, bySource.keySet(), perCode, List.of());
  }

  private static final java.util.Comparator<CodeId> BY_ID =
      java.util.Comparator.comparingLong(CodeId::value);

  private static boolean matches(List<int[]> spans, List<Integer> unit, double threshold) {
    for (int[] span : spans) {
      int shared = Math.min(span[1], unit.get(1)) - Math.max(span[0], unit.get(0));
      if (shared > 0) {
        int union = Math.max(span[1], unit.get(1)) - Math.min(span[0], unit.get(0));
        if ((double) shared / union >= threshold - 1e-12) {
          return true;
        }
      }
    }
    return false;
  }

  private AgreementReport report(
      AgreementLevel level,
      Set<SourceId> sources,
      Map<CodeId, ReliabilityData> perCode,
      List<Disagreement> disagreements) {
    ReliabilityData pooled = new ReliabilityData(coders.size());
    Map<CodeId, Measures> measures = new LinkedHashMap<>();
    for (Map.Entry<CodeId, ReliabilityData> entry : perCode.entrySet()) {
      pooled.addAll(entry.getValue());
      measures.put(entry.getKey(), Measures.of(entry.getValue()));
    }
    return new AgreementReport(
        level, coders, new ArrayList<>(sources), measures, Measures.of(pooled), disagreements);
  }

  /**
   * The spans of each code by coder, per source, for the sources every coder coded at least once.
   */
  private Map<SourceId, Map<CodeId, List<List<int[]>>>> group(List<CodedSpan> spans) {
    Map<SourceId, Set<UserId>> codersOfSource = new HashMap<>();
    for (CodedSpan span : spans) {
      if (coderIndex.containsKey(span.coderId())) {
        codersOfSource.computeIfAbsent(span.sourceId(), k -> new HashSet<>()).add(span.coderId());
      }
    }
    Map<SourceId, Map<CodeId, List<List<int[]>>>> grouped =
        new TreeMap<>(java.util.Comparator.comparingLong(SourceId::value));
    for (CodedSpan span : spans) {
      Integer coder = coderIndex.get(span.coderId());
      if (coder == null || codersOfSource.get(span.sourceId()).size() != coders.size()) {
        continue;
      }
      List<List<int[]>> byCoder =
          grouped
              .computeIfAbsent(span.sourceId(), k -> new HashMap<>())
              .computeIfAbsent(span.codeId(), k -> emptyLists());
      byCoder.get(coder).add(new int[] {span.start(), span.end()});
    }
    for (Map.Entry<SourceId, Set<UserId>> entry : codersOfSource.entrySet()) {
      if (entry.getValue().size() == coders.size()) {
        grouped.computeIfAbsent(entry.getKey(), k -> new HashMap<>());
      }
    }
    return grouped;
  }

  private List<List<int[]>> emptyLists() {
    List<List<int[]>> lists = new ArrayList<>(coders.size());
    for (int i = 0; i < coders.size(); i++) {
      lists.add(new ArrayList<>());
    }
    return lists;
  }

  /**
   * Cuts a source into runs of characters on which every coder's value (the code or not) stays the
   * same, and adds each run as a unit weighted by its length.
   */
  private void runs(
      SourceId source,
      CodeId code,
      List<List<int[]>> byCoder,
      int length,
      ReliabilityData data,
      List<Disagreement> disagreements) {
    // +1 at each start, -1 at each end, per coder, so that overlapping spans of one coder count
    // once
    TreeMap<Integer, int[]> changes = new TreeMap<>();
    changes.put(0, new int[coders.size()]);
    changes.put(length, new int[coders.size()]);
    for (int coder = 0; coder < coders.size(); coder++) {
      for (int[] span : byCoder.get(coder)) {
        int start = Math.max(0, Math.min(span[0], length));
        int end = Math.max(0, Math.min(span[1], length));
        changes.computeIfAbsent(start, k -> new int[coders.size()])[coder]++;
        changes.computeIfAbsent(end, k -> new int[coders.size()])[coder]--;
      }
    }
    int[] depth = new int[coders.size()];
    Integer previous = null;
    Disagreement open = null;
    for (Map.Entry<Integer, int[]> change : changes.entrySet()) {
      int at = change.getKey();
      if (previous != null && at > previous) {
        int[] values = new int[coders.size()];
        List<UserId> with = new ArrayList<>();
        List<UserId> without = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
          values[i] = depth[i] > 0 ? 1 : 0;
          (values[i] == 1 ? with : without).add(coders.get(i));
        }
        data.addWeighted(at - previous, values);
        if (!with.isEmpty() && !without.isEmpty()) {
          if (open != null && open.end() == previous && open.with().equals(with)) {
            open = new Disagreement(source, open.start(), at, code, with, without);
          } else {
            if (open != null) {
              disagreements.add(open);
            }
            open = new Disagreement(source, previous, at, code, with, without);
          }
        }
      }
      int[] delta = change.getValue();
      for (int i = 0; i < depth.length; i++) {
        depth[i] += delta[i];
      }
      previous = at;
    }
    if (open != null) {
      disagreements.add(open);
    }
  }
}
