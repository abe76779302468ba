package org.fabrique.core.memo;

import java.util.List;
import java.util.Optional;
import org.fabrique.core.inquiry.InquiryId;

/** Where memos are kept. */
public interface MemoStore {
  void insert(Memo memo);

  void update(Memo memo);

  void delete(MemoId id);

  Optional<Memo> find(MemoId id);

  List<Memo> list(InquiryId inquiry);

  List<Memo> about(ItemRef target);
}
