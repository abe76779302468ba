package org.fabrique.diff.dictionary;

import java.util.Map;
import java.util.Optional;

/**
 * One difference between two versions of a data dictionary.
 *
 * @param kind {@code variable-added}, {@code variable-removed}, {@code variable-renamed}, {@code
 *     relabelled}, {@code retyped}, {@code choices-changed}, {@code identifier-flag-changed},
 *     {@code required-changed}, {@code moved} or {@code attribute-changed}
 * @param variable the variable's name in the new version (in the old one when it was removed)
 * @param oldName the old name, for a rename
 * @param detail one sentence for a reader
 * @param parameters what changed, as data (old and new values, categories added or merged)
 * @param confidence between 0 and 1; below 1 only for renames, which are inferred
 */
public record DictionaryChange(
    String kind,
    String variable,
    Optional<String> oldName,
    String detail,
    Map<String, Object> parameters,
    double confidence) {

  public DictionaryChange {
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
  }
}
