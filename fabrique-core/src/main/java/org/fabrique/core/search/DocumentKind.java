package org.fabrique.core.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the search index holds: the texts of sources, memos, and coded segments. */
public enum DocumentKind {
  SOURCE("source"),
  SEGMENT("segment"),
  MEMO("memo");

  private final String id;

  DocumentKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<DocumentKind> fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst();
  }
}
