package org.fabrique.core.journey.kind;

/** How a field of an element's form is entered and shown. */
public enum FieldType {
  /** One line of text. */
  TEXT,
  /** Several lines of text. */
  LONG_TEXT,
  /** One value per line. */
  LINES,
  /** A whole number. */
  NUMBER,
  /** A date (2025-03-12). */
  DATE,
  /** A date and time, read as UTC (2025-03-12T09:30). */
  DATE_TIME,
  /** One id among fixed choices (an enumeration). */
  CHOICE,
  /** Several ids among fixed choices. */
  CHOICES,
  /** One term of a vocabulary, or none. */
  TERM,
  /** Several terms of a vocabulary. */
  TERMS,
  /** One element of the inquiry, or none. */
  REF,
  /** Several elements of the inquiry. */
  REFS,
  /** Text that is kept but never shown back (a real name). */
  SECRET,
  /** A yes/no box. */
  FLAG
}
