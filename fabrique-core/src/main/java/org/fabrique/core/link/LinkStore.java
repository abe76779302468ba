package org.fabrique.core.link;

import java.util.List;
import java.util.Optional;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemRef;

/** Where links between items are kept. */
public interface LinkStore {
  void insert(Link link);

  void update(Link link);

  void delete(LinkId id);

  Optional<Link> find(LinkId id);

  /** The links of an inquiry, in the order they were made. */
  List<Link> list(InquiryId inquiry);

  /** The links whose origin or target is this item. */
  List<Link> touching(ItemRef item);
}
