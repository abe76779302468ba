package org.fabrique.diff.read;

/** Recognises the syntax of cell values without allocating: numbers and ISO dates. */
public final class ValueSyntax {
  private ValueSyntax() {}

  public static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** An optionally signed integer of at most 18 digits. */
  public static boolean isInteger(String value) {
    int length = value.length();
    int start = length > 0 && (value.charAt(0) == '-' || value.charAt(0) == '+') ? 1 : 0;
    if (length == start || length - start > 18) {
      return false;
    }
    for (int index = start; index < length; index++) {
      char c = value.charAt(index);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A decimal number with a point, optionally signed, with an optional exponent. */
  public static boolean isNumber(String value) {
    int length = value.length();
    if (length == 0 || length > 40) {
      return false;
    }
    int index = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
    int digits = 0;
    boolean point = false;
    for (; index < length; index++) {
      char c = value.charAt(index);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !point) {
        point = true;
      } else if ((c == 'e' || c == 'E') && digits > 0 && index + 1 < length) {
        return isInteger(value.substring(index + 1));
      } else {
        return false;
      }
    }
    return digits > 0;
  }

  /** {@code yyyy-mm-dd}, optionally followed by a time. */
  public static boolean isIsoDate(String value) {
    if (value.length() < 10) {
      return false;
    }
    for (int index = 0; index < 10; index++) {
      char c = value.charAt(index);
      boolean dash = index == 4 || index == 7;
      if (dash ? c != '-' : c < '0' || c > '9') {
        return false;
      }
    }
    int month = (value.charAt(5) - '0') * 10 + value.charAt(6) - '0';
    int day = (value.charAt(8) - '0') * 10 + value.charAt(9) - '0';
    return month >= 1
        && month <= 12
        && day >= 1
        && day <= 31
        && (value.length() == 10 || value.charAt(10) == 'T' || value.charAt(10) == ' ');
  }

  /** {@code yyyy-mm}. */
  public static boolean isYearMonth(String value) {
    return value.length() == 7
        && value.charAt(4) == '-'
        && isInteger(value.substring(0, 4))
        && isInteger(value.substring(5));
  }

  public static boolean isBoolean(String value) {
    return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
  }
}
