package org.fabrique.core.inquiry;

import org.fabrique.core.error.InvalidInputException;

/** Checks of the names users give to inquiries, cases, codes and attributes. */
public final class Names {
  private Names() {}

  /** A trimmed, non-blank name of at most 200 characters. */
  public static String required(String name, String what) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidInputException(what + " needs a name");
    }
    if (trimmed.codePointCount(0, trimmed.length()) > 200) {
      throw new InvalidInputException(what + "'s name is longer than 200 characters");
    }
    return trimmed;
  }

  /** A trimmed text, empty when missing. */
  public static String optional(String text) {
    return text == null ? "" : text.strip();
  }
}
