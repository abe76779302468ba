package org.fabrique.core.memo;

import java.util.Objects;

/** A reference to any item of an inquiry: its kind and its id. */
public record ItemRef(ItemKind kind, long id) {
  public ItemRef {
    Objects.requireNonNull(kind, "kind");
  }

  @Override
  public String toString() {
    return kind.id() + ":" + id;
  }
}
