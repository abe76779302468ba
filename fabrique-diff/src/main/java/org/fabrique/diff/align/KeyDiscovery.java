package org.fabrique.diff.align;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a key on the first rows of both versions: the smallest combination of name-matched columns
 * whose values are unique and never blank on both sides, and shared by the most rows.
 */
public final class KeyDiscovery {
  private static final double MINIMUM_OVERLAP = 0.2;
  private static final int PAIR_COLUMNS = 12;

  private KeyDiscovery() {}

  /** A key and the share of sampled keys found on both sides. */
  public record Candidate(List<ColumnMatching.Pair> columns, double overlap) {}

  public static Optional<Candidate> discover(
      List<ColumnMatching.Pair> named, TableSample oldSample, TableSample newSample) {
    if (oldSample.rows().isEmpty() || newSample.rows().isEmpty()) {
      return Optional.empty();
    }
    Candidate best = null;
    double bestScore = 0;
    for (ColumnMatching.Pair pair : named) {
      Optional<Double> overlap = overlap(List.of(pair), oldSample, newSample);
      if (overlap.isPresent() && overlap.get() >= MINIMUM_OVERLAP) {
        double score = overlap.get() + (looksLikeIdentifier(pair.newName()) ? 0.05 : 0);
        if (score > bestScore) {
          best = new Candidate(List.of(pair), overlap.get());
          bestScore = score;
        }
      }
    }
    if (best != null) {
      return Optional.of(best);
    }
    List<ColumnMatching.Pair> limited = named.subList(0, Math.min(PAIR_COLUMNS, named.size()));
    for (int first = 0; first < limited.size(); first++) {
      for (int second = first + 1; second < limited.size(); second++) {
        List<ColumnMatching.Pair> columns = List.of(limited.get(first), limited.get(second));
        Optional<Double> overlap = overlap(columns, oldSample, newSample);
        if (overlap.isPresent() && overlap.get() >= MINIMUM_OVERLAP && overlap.get() > bestScore) {
          best = new Candidate(columns, overlap.get());
          bestScore = overlap.get();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  static boolean looksLikeIdentifier(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("id")
        || lower.endsWith("_id")
        || lower.endsWith("id")
        || lower.startsWith("id_");
  }

  /** The share of keys shared by both samples, or empty when the columns are not a key. */
  private static Optional<Double> overlap(
      List<ColumnMatching.Pair> columns, TableSample oldSample, TableSample newSample) {
    Optional<Set<String>> oldKeys = keys(columns, oldSample, true);
    if (oldKeys.isEmpty()) {
      return Optional.empty();
    }
    Optional<Set<String>> newKeys = keys(columns, newSample, false);
    if (newKeys.isEmpty()) {
      return Optional.empty();
    }
    long shared = newKeys.get().stream().filter(oldKeys.get()::contains).count();
    return Optional.of(shared / (double) Math.min(oldKeys.get().size(), newKeys.get().size()));
  }

  private static Optional<Set<String>> keys(
      List<ColumnMatching.Pair> columns, TableSample sample, boolean oldSide) {
    Set<String> keys = new HashSet<>(sample.rows().size() * 2);
    List<Integer> indexes = new ArrayList<>();
    for (ColumnMatching.Pair pair : columns) {
      indexes.add(oldSide ? pair.oldIndex() : pair.newIndex());
    }
    for (String[] row : sample.rows()) {
      StringBuilder key = new StringBuilder();
      for (int index : indexes) {
        String value = row[index];
        if (value.isBlank()) {
          return Optional.empty();
        }
        key.append(value).append('\u0001');
      }
      if (!keys.add(key.toString())) {
        return Optional.empty();
      }
    }
    return Optional.of(keys);
  }
}
