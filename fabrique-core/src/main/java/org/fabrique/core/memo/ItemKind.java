package org.fabrique.core.memo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of things a memo, a link or a piece of evidence can point at. */
public enum ItemKind {
  INQUIRY("inquiry"),
  CASE("case"),
  SOURCE("source"),
  CODE("code"),
  SEGMENT("segment"),
  CODING("coding"),
  MEMO("memo"),
  DATA_OBJECT("data-object"),
  INTERVENTION("intervention"),
  ACTOR("actor"),
  CHOICE("choice"),
  TENSION("tension"),
  USE("use"),
  PROCEDURE("procedure"),
  KNOWLEDGE_CLAIM("knowledge-claim"),
  SET("set"),
  LINK("link"),
  ATTRIBUTE("attribute"),
  USER("user");

  private final String id;

  ItemKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<ItemKind> fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst();
  }
}
