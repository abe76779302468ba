package org.fabrique.core.link;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a link reads: from origin to target, both ways, or as a mere association. */
public enum LinkDirection {
  ASSOCIATIVE("associative"),
  ONE_WAY("one-way"),
  BIDIRECTIONAL("bidirectional");

  private final String id;

  LinkDirection(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<LinkDirection> fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(d -> d.id.equals(wanted)).findFirst();
  }
}
