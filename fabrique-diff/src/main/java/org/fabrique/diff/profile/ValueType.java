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

  public boolean isNumeric() {
    return this == INTEGER || this == DECIMAL;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
