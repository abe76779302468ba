package org.fabrique.core.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodedSpan;
import org.fabrique.core.coding.CodingId;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.user.UserId;

/** Builds codings for tests: the same span coded twice shares its segment. */
public final class Spans {
  private final List<CodedSpan> spans = new ArrayList<>();
  private final Map<List<Long>, SegmentId> segments = new HashMap<>();
  private long nextId = 1000;

  public Spans code(long source, int start, int end, long code, long coder) {
    SegmentId segment =
        segments.computeIfAbsent(
            List.of(source, (long) start, (long) end), k -> new SegmentId(nextId++));
    spans.add(
        new CodedSpan(
            new CodingId(nextId++),
            segment,
            new SourceId(source),
            start,
            end,
            new CodeId(code),
            new UserId(coder)));
    return this;
  }

  public List<CodedSpan> list() {
    return List.copyOf(spans);
  }

  public CodingSnapshot snapshot() {
    return CodingSnapshot.of(spans);
  }
}
