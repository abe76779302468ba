package org.fabrique.core.inquiry;

/** Identifies an inquiry. */
public record InquiryId(long value) {
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
