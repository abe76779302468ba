package org.fabrique.core.exchange;

import java.util.Objects;
import org.fabrique.core.memo.ItemRef;

/** The GUID by which an item of an inquiry is known in exchange files (REFI-QDA). */
public record ItemGuid(ItemRef item, String guid) {
  public ItemGuid {
    Objects.requireNonNull(item, "item");
    guid = Guids.canonical(guid);
  }
}
