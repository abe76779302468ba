package org.fabrique.core.journey.kind;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.journey.JourneyElement;

/**
 * Rows of an element that its page adds and removes one by one (a choice's options and constraints,
 * a tension's positions). Rows are addressed by their position.
 *
 * @param <T> the kind of element holding the rows
 */
public abstract class RowList<T extends JourneyElement> {
  private final String name;
  private final String headingKey;
  private final String emptyKey;
  private final List<FormField> fields;

  /**
   * @param name the rows' path segment ({@code /journey/elements/{id}/options})
   * @param headingKey the message key of the section's heading
   * @param emptyKey the message key shown when there is no row
   */
  protected RowList(String name, String headingKey, String emptyKey, List<FormField> fields) {
    this.name = Objects.requireNonNull(name, "name");
    this.headingKey = Objects.requireNonNull(headingKey, "headingKey");
    this.emptyKey = Objects.requireNonNull(emptyKey, "emptyKey");
    this.fields = List.copyOf(fields);
  }

  public String name() {
    return name;
  }

  public String headingKey() {
    return headingKey;
  }

  public String emptyKey() {
    return emptyKey;
  }

  /** The fields of the form that adds a row, and of each row shown. */
  public List<FormField> fields() {
    return fields;
  }

  public abstract int size(T element);

  /** The values of a row, by field name. */
  public abstract Map<String, List<String>> values(T element, int row);

  /** The element with one more row, read from the form. */
  public abstract T add(T element, FormInput input);

  /** The element without a row (which exists). */
  protected abstract T without(T element, int row);

  /** The element without a row, which must exist. */
  public T remove(T element, long row) {
    if (row < 0 || row >= size(element)) {
      throw new NotFoundException("There is no row " + row + " in this element");
    }
    return without(element, (int) row);
  }
}
