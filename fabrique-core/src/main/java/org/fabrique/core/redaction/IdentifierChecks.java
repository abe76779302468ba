package org.fabrique.core.redaction;

import java.math.BigInteger;
import java.util.Locale;

/** The check digits of structured identifiers: the key of a French NIR, the digits of an IBAN. */
public final class IdentifierChecks {
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  private IdentifierChecks() {}

  /**
   * Whether a French social security number (NIR, 13 characters and a 2-digit key, spaces allowed)
   * has the right key: 97 minus the number modulo 97, Corsican départements 2A and 2B counted as 19
   * and 18.
   */
  public static boolean validNir(String value) {
    String compact = value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    if (compact.length() != 15) {
      return false;
    }
    String body = compact.substring(0, 13);
    String key = compact.substring(13);
    if (!key.chars().allMatch(Character::isDigit)) {
      return false;
    }
    String digits;
    if (body.startsWith("2A", 5)) {
      digits = body.substring(0, 5) + "19" + body.substring(7);
    } else if (body.startsWith("2B", 5)) {
      digits = body.substring(0, 5) + "18" + body.substring(7);
    } else {
      digits = body;
    }
    if (!digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    long number = Long.parseLong(digits);
    return 97 - (number % 97) == Integer.parseInt(key);
  }

  /** Whether an IBAN (spaces allowed) has valid check digits (ISO 13616: modulo 97 is 1). */
  public static boolean validIban(String value) {
    String compact = value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    if (compact.length() < 15
        || compact.length() > 34
        || !compact.matches("[A-Z]{2}\\d{2}[A-Z0-9]+")) {
      return false;
    }
    String rearranged = compact.substring(4) + compact.substring(0, 4);
    StringBuilder digits = new StringBuilder(rearranged.length() * 2);
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
  }
}
