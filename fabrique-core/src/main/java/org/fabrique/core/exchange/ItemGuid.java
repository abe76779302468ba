package org.fabrique.core.exchange;

import java.util.Objects;
import org.fabrique.core.memo.ItemRef;

/**
 * The GUID by which an item of an inquiry is known in exchange files (REFI-QDA), in the form it was
 * written in (upper case, braces): exports write it again as it was received. Compare GUIDs through
 * {@link Guids#parse}.
 */
public record ItemGuid(ItemRef item, String guid) {
  public ItemGuid {
    Objects.requireNonNull(item, "item");
    Guids.canonical(guid);
    guid = guid.strip();
  }
}
