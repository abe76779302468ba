package org.fabrique.diff.profile;

import java.util.Locale;
import org.fabrique.diff.read.ValueSyntax;

/** The type a column's values take. */
public enum ValueType {
  EMPTY,
  INTEGER,
  DECIMAL,
  DATE,
  BOOLEAN,
  TEXT;

  public static ValueType of(String value) {
    if (ValueSyntax.isBlank(value)) {
      return EMPTY;
    }
    if (ValueSyntax.isInteger(value)) {
      return INTEGER;
    }
    if (ValueSyntax.isNumber(value)) {
      return DECIMAL;
    }
    if (ValueSyntax.isIsoDate(value)) {
      return DATE;
    }
    if (ValueSyntax.isBoolean(value)) {
      return BOOLEAN;
    }
    return TEXT;
  }

  /** As {@link #of(String)}, for a range of characters. */
  public static ValueType of(char[] text, int offset, int count) {
    if (ValueSyntax.isBlank(text, offset, count)) {
      return EMPTY;
    }
    if (ValueSyntax.isInteger(text, offset, count)) {
      return INTEGER;
    }
    if (ValueSyntax.isNumber(text, offset, count)) {
      return DECIMAL;
    }
    if (ValueSyntax.isIsoDate(text, offset, count)) {
      return DATE;
    }
    if (ValueSyntax.isBoolean(text, offset, count)) {
      return BOOLEAN;
    }
    return TEXT;
  }

  public boolean isNumeric() {
    return this == INTEGER || this == DECIMAL;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
