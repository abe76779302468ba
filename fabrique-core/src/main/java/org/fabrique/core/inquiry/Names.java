package org.fabrique.core.inquiry;

import org.fabrique.core.error.InvalidInputException;

/** Checks of the names users give to inquiries, cases, codes and attributes. */
public final class Names {
  private Names() {}

  /**
   * A trimmed, non-blank name of at most 200 characters, without the NUL character (which
   * PostgreSQL cannot store, so that both databases refuse it alike).
   */
  public static String required(String name, String what) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidInputException(what + " needs a name");
    }
    if (trimmed.indexOf('\u0000') >= 0) {
      throw new InvalidInputException(what + "'s name holds the NUL character");
    }
    if (trimmed.codePointCount(0, trimmed.length()) > 200) {
      throw new InvalidInputException(what + "'s name is longer than 200 characters");
    }
    return trimmed;
  }

  /** A trimmed text, empty when missing; the NUL character, which no database keeps, is refused. */
  public static String optional(String text) {
    return withoutNul(text == null ? "" : text.strip());
  }

  /** The text as given, refused when it holds the NUL character. */
  public static String withoutNul(String text) {
    if (text != null && text.indexOf('\u0000') >= 0) {
      throw new InvalidInputException("The text holds the NUL character, which cannot be stored");
    }
    return text;
  }
}
