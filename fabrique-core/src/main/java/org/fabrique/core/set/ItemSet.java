package org.fabrique.core.set;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemRef;

/**
 * A named group of items of an inquiry (codes, sources, memos, cases, segments…), as researchers
 * gather them for comparison. Members keep their order and appear once.
 */
public record ItemSet(
    SetId id, InquiryId inquiryId, String name, String description, List<ItemRef> members) {
  public ItemSet {
    Objects.requireNonNull(id, "id");
    members = List.copyOf(new LinkedHashSet<>(members));
  }

  public ItemSet withMembers(List<ItemRef> newMembers) {
    return new ItemSet(id, inquiryId, name, description, newMembers);
  }
}
