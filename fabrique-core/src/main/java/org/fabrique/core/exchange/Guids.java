package org.fabrique.core.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemRef;

/**
 * GUIDs of exchange files. An item imported from a file keeps the GUID it had there (see {@link
 * GuidStore}); any other item gets a GUID derived from its inquiry, kind and id, so that every
 * export of the same inquiry gives every item the same GUID.
 */
public final class Guids {
  private static final Pattern GUID =
      Pattern.compile(
          "\\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\}?");

  private Guids() {}

  /** The GUID of an item that was never imported: a name-based UUID, the same at every export. */
  public static String derived(InquiryId inquiry, ItemRef item) {
    String name = "fabrique/" + inquiry.value() + "/" + item.kind().id() + "/" + item.id();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** A GUID in lower case without braces, or empty when the text is not a GUID. */
  public static Optional<String> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    if (isCanonical(text)) {
      return Optional.of(text);
    }
    var matcher = GUID.matcher(text.strip());
    return matcher.matches()
        ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT))
        : Optional.empty();
  }

  private static boolean isCanonical(String text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean ok =
          (i == 8 || i == 13 || i == 18 || i == 23)
              ? c == '-'
              : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * A GUID in lower case without braces.
   *
   * @throws InvalidInputException when the text is not a GUID
   */
  public static String canonical(String text) {
    return parse(text)
        .orElseThrow(() -> new InvalidInputException("\"" + text + "\" is not a GUID"));
  }
}
