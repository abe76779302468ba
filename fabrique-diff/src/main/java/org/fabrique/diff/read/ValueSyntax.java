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

  // The same tests on a range of characters, for cells not yet made into strings.

  public static boolean isBlank(char[] text, int offset, int count) {
    for (int index = offset; index < offset + count; index++) {
      if (!Character.isWhitespace(text[index])) {
        return false;
      }
    }
    return true;
  }

  public static boolean isInteger(char[] text, int offset, int count) {
    int start = count > 0 && (text[offset] == '-' || text[offset] == '+') ? offset + 1 : offset;
    int end = offset + count;
    if (end == start || end - start > 18) {
      return false;
    }
    for (int index = start; index < end; index++) {
      char c = text[index];
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  public static boolean isNumber(char[] text, int offset, int count) {
    if (count == 0 || count > 40) {
      return false;
    }
    int end = offset + count;
    int index = text[offset] == '-' || text[offset] == '+' ? offset + 1 : offset;
    int digits = 0;
    boolean point = false;
    for (; index < end; index++) {
      char c = text[index];
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !point) {
        point = true;
      } else if ((c == 'e' || c == 'E') && digits > 0 && index + 1 < end) {
        return isInteger(text, index + 1, end - index - 1);
      } else {
        return false;
      }
    }
    return digits > 0;
  }

  public static boolean isIsoDate(char[] text, int offset, int count) {
    if (count < 10) {
      return false;
    }
    for (int index = 0; index < 10; index++) {
      char c = text[offset + index];
      boolean dash = index == 4 || index == 7;
      if (dash ? c != '-' : c < '0' || c > '9') {
        return false;
      }
    }
    int month = (text[offset + 5] - '0') * 10 + text[offset + 6] - '0';
    int day = (text[offset + 8] - '0') * 10 + text[offset + 9] - '0';
    return month >= 1
        && month <= 12
        && day >= 1
        && day <= 31
        && (count == 10 || text[offset + 10] == 'T' || text[offset + 10] == ' ');
  }

  public static boolean isBoolean(char[] text, int offset, int count) {
    return equalsIgnoreCase(text, offset, count, "true")
        || equalsIgnoreCase(text, offset, count, "false");
  }

  /** As {@link String#equalsIgnoreCase}. */
  private static boolean equalsIgnoreCase(char[] text, int offset, int count, String word) {
    if (count != word.length()) {
      return false;
    }
    for (int index = 0; index < count; index++) {
      char c1 = text[offset + index];
      char c2 = word.charAt(index);
      if (c1 == c2) {
        continue;
      }
      char u1 = Character.toUpperCase(c1);
      char u2 = Character.toUpperCase(c2);
      if (u1 != u2 && Character.toLowerCase(u1) != Character.toLowerCase(u2)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The number a text writes, as {@link Double#parseDouble} reads it, without its allocations when
   * the text is plain: an integer of at most 18 digits, or a decimal of at most 15 digits with a
   * point. Both are exact in a long, and a double made from one (divided by a power of ten up to
   * 10^15, itself exact) is rounded once, as the parser rounds; any other text goes to the parser,
   * which also throws for a text that is no number.
   */
  public static double toDouble(String value) {
    int length = value.length();
    if (length == 0 || length > 20) {
      return Double.parseDouble(value);
    }
    char first = value.charAt(0);
    boolean negative = first == '-';
    int index = negative || first == '+' ? 1 : 0;
    long digits = 0;
    int count = 0;
    int point = -1;
    for (; index < length; index++) {
      char c = value.charAt(index);
      if (c >= '0' && c <= '9') {
        digits = digits * 10 + (c - '0');
        count++;
      } else if (c == '.' && point < 0) {
        point = count;
      } else {
        return Double.parseDouble(value);
      }
    }
    double exact = exact(digits, count, point, negative);
    return Double.isNaN(exact) ? Double.parseDouble(value) : exact;
  }

  /** As {@link #toDouble(String)}, for a range of characters. */
  public static double toDouble(char[] text, int offset, int count) {
    if (count == 0 || count > 20) {
      return Double.parseDouble(new String(text, offset, count));
    }
    int end = offset + count;
    char first = text[offset];
    boolean negative = first == '-';
    int index = negative || first == '+' ? offset + 1 : offset;
    long digits = 0;
    int digitCount = 0;
    int point = -1;
    for (; index < end; index++) {
      char c = text[index];
      if (c >= '0' && c <= '9') {
        digits = digits * 10 + (c - '0');
        digitCount++;
      } else if (c == '.' && point < 0) {
        point = digitCount;
      } else {
        return Double.parseDouble(new String(text, offset, count));
      }
    }
    double exact = exact(digits, digitCount, point, negative);
    return Double.isNaN(exact) ? Double.parseDouble(new String(text, offset, count)) : exact;
  }

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  /**
   * The value of {@code count} digits read as {@code digits}, a point after the first {@code point}
   * of them (or none when negative), when it is exact; else NaN, for the parser to read.
   */
  private static double exact(long digits, int count, int point, boolean negative) {
    double value;
    if (count == 0) {
      return Double.NaN;
    } else if (point < 0) {
      if (count > 18) {
        return Double.NaN;
      }
      value = digits;
    } else {
      if (count > 15) {
        return Double.NaN;
      }
      value = digits / POWERS_OF_TEN[count - point];
    }
    return negative ? -value : value;
  }
}
