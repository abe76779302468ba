package org.fabrique.diff.detect;

import java.util.ArrayList;
import java.util.List;

/** Evidence rows for detected interventions. */
final class Samples {
  private Samples() {}

  /** Up to {@code limit} (old value, new value) pairs whose old value is known. */
  static List<List<String>> pairs(ColumnComparison comparison, int limit) {
    List<List<String>> pairs = new ArrayList<>();
    for (ColumnComparison.Sample sample : comparison.samples()) {
      if (sample.oldValue() != null && pairs.size() < limit) {
        pairs.add(List.of(sample.oldValue(), sample.newValue()));
      }
    }
    return pairs;
  }
}
