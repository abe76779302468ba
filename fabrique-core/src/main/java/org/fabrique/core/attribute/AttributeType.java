package org.fabrique.core.attribute;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.fabrique.core.error.InvalidInputException;

/** The type of an attribute; values are stored in a canonical text form. */
public enum AttributeType {
  TEXT("text"),
  INTEGER("integer"),
  DECIMAL("decimal"),
  BOOLEAN("boolean"),
  DATE("date");

  private final String id;

  AttributeType(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<AttributeType> fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst();
  }

  /**
   * The canonical form of a value of this type.
   *
   * @throws InvalidInputException when the value is not of this type
   */
  public String canonical(String value) {
    String trimmed = value == null ? "" : value.trim();
    try {
      return switch (this) {
        case TEXT -> value == null ? "" : value;
        case INTEGER -> Long.toString(Long.parseLong(trimmed));
        case DECIMAL ->
            new BigDecimal(trimmed.replace(',', '.')).stripTrailingZeros().toPlainString();
        case BOOLEAN -> parseBoolean(trimmed);
        case DATE -> LocalDate.parse(trimmed).toString();
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new InvalidInputException("\"" + abbreviate(trimmed) + "\" is not a valid " + id, e);
    }
  }

  private static String parseBoolean(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "oui", "vrai", "1" -> "true";
      case "false", "no", "non", "faux", "0" -> "false";
      default -> throw new InvalidInputException("\"" + abbreviate(value) + "\" is not a boolean");
    };
  }

  private static String abbreviate(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
