package org.fabrique.core.journey;

/** A field (column, variable) of a data object's schema. */
public record Field(String name, String type, String description) {
  public Field {
    name = name == null ? "" : name.strip();
    type = type == null ? "" : type.strip();
    description = description == null ? "" : description.strip();
  }
}
