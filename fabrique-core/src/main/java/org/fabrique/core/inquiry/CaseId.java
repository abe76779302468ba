package org.fabrique.core.inquiry;

/** Identifies a case of an inquiry. */
public record CaseId(long value) {
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
