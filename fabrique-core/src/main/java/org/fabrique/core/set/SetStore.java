package org.fabrique.core.set;

import java.util.List;
import java.util.Optional;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemRef;

/** Where sets and their members are kept. */
public interface SetStore {
  void insert(ItemSet set);

  /** Replaces the name, description and members of a set. */
  void update(ItemSet set);

  void delete(SetId id);

  Optional<ItemSet> find(SetId id);

  /** The sets of an inquiry, by name. */
  List<ItemSet> list(InquiryId inquiry);

  /** The sets an item belongs to. */
  List<ItemSet> containing(ItemRef member);
}
