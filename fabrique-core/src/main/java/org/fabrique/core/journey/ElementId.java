package org.fabrique.core.journey;

/** Identifies an element of a journey (data object, intervention, actor, choice…). */
public record ElementId(long value) {
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
