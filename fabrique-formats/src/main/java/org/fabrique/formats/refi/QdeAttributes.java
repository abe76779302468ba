package org.fabrique.formats.refi;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.error.Problem;
import org.fabrique.core.exchange.Guids;

/**
 * The attributes of REFI-QDA elements that name things, as a {@link QdeReader} reads them: GUIDs
 * (made canonical, or replaced by keys of our own), references to them, creating users and colours.
 * What it has seen counts for every document the reader reads.
 */
final class QdeAttributes {
  private final List<Problem> problems;
  private final Set<String> seenGuids = new HashSet<>();
  private final Map<String, String> references = new HashMap<>();
  private final Map<String, Optional<String>> users = new HashMap<>();
  private final Map<String, String> asWritten = new HashMap<>();
  private XmlCursor cursor;
  private int synthetic;

  QdeAttributes(List<Problem> problems) {
    this.problems = problems;
  }

  /** Reads from now on the attributes of the elements under this cursor. */
  void readFrom(XmlCursor cursor) {
    this.cursor = cursor;
  }

  /** The canonical GUID of the current element, or a key of our own when it has none usable. */
  String guid(String element) {
    Optional<String> raw = cursor.attribute("guid");
    Optional<String> parsed = raw.flatMap(Guids::parse);
    if (parsed.isPresent() && seenGuids.add(parsed.get())) {
      String written = raw.get().strip();
      if (!written.equals(parsed.get())) {
        asWritten.put(parsed.get(), written);
      }
      return parsed.get();
    }
    String where = cursor.location();
    problems.add(
        raw.isEmpty()
            ? Problem.warning(
                where, "The " + element + " has no GUID; it gets a new GUID at the next export")
            : parsed.isEmpty()
                ? Problem.warning(
                    where,
                    "The "
                        + element
                        + " has the malformed GUID \""
                        + raw.get()
                        + "\"; it gets a new GUID at the next export")
                : Problem.warning(
                    where,
                    "The "
                        + element
                        + " reuses the GUID "
                        + parsed.get()
                        + "; it gets a new GUID at the next export"));
    return "x-" + (++synthetic);
  }

  /** The GUIDs that were written otherwise than in canonical form, by canonical form. */
  Map<String, String> guidsAsWritten() {
    return Map.copyOf(asWritten);
  }

  /** Reads a reference attribute of the current (empty) element and moves past it. */
  String ref(String attribute) {
    String value = cursor.attribute(attribute).map(this::reference).orElse("");
    cursor.skip();
    return value;
  }

  /**
   * References repeat a few GUIDs (codes, users) hundreds of thousands of times in a large project:
   * each distinct one is kept once, and so is each distinct user reference.
   */
  String reference(String value) {
    return shared(Guids.parse(value).orElse("invalid:" + value));
  }

  /** The canonical GUID a creatingUser attribute names; empty when it names none. */
  Optional<String> user(Optional<String> value) {
    return value
        .flatMap(Guids::parse)
        .map(g -> users.computeIfAbsent(g, Optional::of))
        .flatMap(u -> u);
  }

  private String shared(String value) {
    return references.computeIfAbsent(value, v -> v);
  }

  /** A color attribute as #rrggbb (#rgb is widened); empty, and reported, when it is neither. */
  Optional<String> colour(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.matches("#[0-9a-f]{6}")) {
      return Optional.of(v);
    }
    if (v.matches("#[0-9a-f]{3}")) {
      return Optional.of(
          "#" + v.charAt(1) + v.charAt(1) + v.charAt(2) + v.charAt(2) + v.charAt(3) + v.charAt(3));
    }
    problems.add(
        Problem.warning(cursor.location(), "The colour \"" + value + "\" is not #rrggbb; dropped"));
    return Optional.empty();
  }
}
