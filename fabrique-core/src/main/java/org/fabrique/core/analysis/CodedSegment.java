package org.fabrique.core.analysis;

import java.util.Set;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.user.UserId;

/**
 * A segment with the codes applied to it (by the coders in scope), the unit that coding queries,
 * matrices and co-occurrence count.
 */
public record CodedSegment(
    SegmentId id, SourceId sourceId, int start, int end, Set<CodeId> codes, Set<UserId> coders) {
  public CodedSegment {
    codes = Set.copyOf(codes);
    coders = Set.copyOf(coders);
  }

  public int length() {
    return end - start;
  }

  public boolean has(CodeId code) {
    return codes.contains(code);
  }
}
