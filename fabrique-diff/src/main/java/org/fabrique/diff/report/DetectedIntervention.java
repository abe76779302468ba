package org.fabrique.diff.report;

import java.util.List;
import java.util.Map;

/**
 * One intervention the diff recognised between the two versions, ready to become a draft
 * (reconstructed) intervention on a data journey.
 *
 * @param type stable type id: {@code recoding}, {@code generalisation}, {@code pseudonymisation},
 *     {@code suppression}, {@code noise}, {@code row-filter}, {@code rows-added}, {@code
 *     column-added}, {@code column-removed}, {@code column-renamed}, {@code type-change}, {@code
 *     distribution-shift}
 * @param columns the columns concerned, by their name in the new version when they have one
 * @param parameters what characterises the intervention (a mapping table, a predicate, a bound);
 *     values are strings, numbers, lists or maps of these
 * @param confidence between 0 and 1
 * @param summaryEn one sentence in English for a non-programmer
 * @param summaryFr the same sentence in French
 * @param evidence a few examples (old value, new value, or a removed row) supporting it
 */
public record DetectedIntervention(
    String type,
    List<String> columns,
    Map<String, Object> parameters,
    double confidence,
    String summaryEn,
    String summaryFr,
    List<List<String>> evidence) {

  public DetectedIntervention {
    columns = List.copyOf(columns);
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    evidence = evidence.stream().map(List::copyOf).toList();
  }
}
