package org.fabrique.core.corpus;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of field material a source is. */
public enum SourceKind {
  FIELD_NOTE("field-note"),
  INTERVIEW("interview"),
  OBSERVATION("observation"),
  DOCUMENT("document"),
  MEETING_MINUTES("meeting-minutes"),
  OTHER("other");

  private final String id;

  SourceKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<SourceKind> fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst();
  }
}
