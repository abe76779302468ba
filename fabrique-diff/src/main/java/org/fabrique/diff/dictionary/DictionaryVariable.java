package org.fabrique.diff.dictionary;

import java.util.List;
import java.util.Map;

/**
 * A variable as a data dictionary describes it, whatever the dictionary's format.
 *
 * @param name the variable's name (for OMOP, {@code table.field})
 * @param group the form (REDCap), the table (OMOP) or the section it belongs to
 * @param choices allowed values, empty when the variable is not categorical
 * @param identifier flagged as identifying (REDCap "Identifier?", a codebook's identifier column,
 *     OMOP's primary key flag)
 * @param position 1-based position in the dictionary
 * @param attributes other documented properties (validation, guidance, annotation, ...)
 */
public record DictionaryVariable(
    String name,
    String group,
    String label,
    String type,
    List<AllowedValue> choices,
    boolean identifier,
    boolean required,
    int position,
    Map<String, String> attributes) {

  public DictionaryVariable {
    choices = List.copyOf(choices);
    attributes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
  }
}
