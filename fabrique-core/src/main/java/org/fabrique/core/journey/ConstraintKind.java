package org.fabrique.core.journey;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of constraint a choice invokes. Ids are stable and used in files, URLs and exports. */
public enum ConstraintKind {
  LEGAL_BASIS("legal-basis"),
  CNIL_PROCEDURE("cnil-procedure"),
  AUTHORISATION("authorisation"),
  COMMITTEE_OPINION("committee-opinion"),
  DUO_TERM("duo-term"),
  CONSENT("consent"),
  OTHER("other");

  private final String id;

  ConstraintKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<ConstraintKind> fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(v -> v.id.equals(wanted)).findFirst();
  }
}
