package org.fabrique.core.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fabrique.core.corpus.SourceId;

/** Evaluates coding queries on a snapshot. */
public final class CodingQueries {
  private final CodingSnapshot snapshot;
  private final TextStructure structure;

  public CodingQueries(CodingSnapshot snapshot, TextStructure structure) {
    this.snapshot = snapshot;
    this.structure = structure;
  }

  /** The segments the query finds, in text order. */
  public List<CodedSegment> evaluate(CodingQuery query) {
    List<CodedSegment> found = new ArrayList<>(set(query));
    found.sort(CodingSnapshot.IN_TEXT_ORDER);
    return found;
  }

  private Set<CodedSegment> set(CodingQuery query) {
    if (query instanceof CodingQuery.Coded coded) {
      return new LinkedHashSet<>(snapshot.segmentsWith(coded.code()));
    } else if (query instanceof CodingQuery.And and) {
      Set<CodedSegment> left = set(and.left());
      left.retainAll(set(and.right()));
      return left;
    } else if (query instanceof CodingQuery.Or or) {
      Set<CodedSegment> left = set(or.left());
      left.addAll(set(or.right()));
      return left;
    } else if (query instanceof CodingQuery.AndNot andNot) {
      Set<CodedSegment> left = set(andNot.left());
      left.removeAll(set(andNot.right()));
      return left;
    } else if (query instanceof CodingQuery.Overlapping overlapping) {
      return related(overlapping.left(), overlapping.right(), Proximity.overlap());
    } else if (query instanceof CodingQuery.Near near) {
      return related(near.left(), near.right(), Proximity.within(near.characters()));
    } else if (query instanceof CodingQuery.SameParagraph same) {
      return byUnits(same.left(), same.right(), structure::paragraphs);
    } else if (query instanceof CodingQuery.SameTurn same) {
      return byUnits(
          same.left(),
          same.right(),
          source ->
              structure.turns(source).stream()
                  .map(t -> new TextStructure.Span(t.start(), t.end()))
                  .toList());
    }
    throw new IllegalStateException("Unknown coding query " + query.getClass().getSimpleName());
  }

  private Set<CodedSegment> related(
      CodingQuery leftQuery, CodingQuery rightQuery, Proximity within) {
    Map<SourceId, List<CodedSegment>> right = bySource(set(rightQuery));
    Set<CodedSegment> found = new LinkedHashSet<>();
    for (CodedSegment segment : set(leftQuery)) {
      List<CodedSegment> candidates = right.getOrDefault(segment.sourceId(), List.of());
      // candidates are sorted by start: skip those that start too far to the right
      int limit = upperBound(candidates, within.reach(segment.end()));
      for (int i = 0; i < limit; i++) {
        if (within.holds(segment, candidates.get(i))) {
          found.add(segment);
          break;
        }
      }
    }
    return found;
  }

  private interface Units {
    List<TextStructure.Span> of(SourceId source);
  }

  private Set<CodedSegment> byUnits(CodingQuery leftQuery, CodingQuery rightQuery, Units units) {
    Map<SourceId, List<CodedSegment>> right = bySource(set(rightQuery));
    Map<SourceId, List<TextStructure.Span>> cache = new HashMap<>();
    Map<SourceId, TreeSet<Integer>> occupied = new HashMap<>();
    for (Map.Entry<SourceId, List<CodedSegment>> entry : right.entrySet()) {
      List<TextStructure.Span> spans = cache.computeIfAbsent(entry.getKey(), units::of);
      TreeSet<Integer> indices = new TreeSet<>();
      for (CodedSegment segment : entry.getValue()) {
        indices.addAll(unitsOf(spans, segment));
      }
      occupied.put(entry.getKey(), indices);
    }
    Set<CodedSegment> found = new LinkedHashSet<>();
    for (CodedSegment segment : set(leftQuery)) {
      TreeSet<Integer> indices = occupied.get(segment.sourceId());
      if (indices == null || indices.isEmpty()) {
        continue;
      }
      List<TextStructure.Span> spans = cache.get(segment.sourceId());
      if (!Collections.disjoint(indices, unitsOf(spans, segment))) {
        found.add(segment);
      }
    }
    return found;
  }

  /** The indices of the units (paragraphs, turns) a segment shares characters with. */
  private static List<Integer> unitsOf(List<TextStructure.Span> units, CodedSegment segment) {
    List<Integer> indices = new ArrayList<>();
    int low = 0;
    int high = units.size();
    while (low < high) { // first unit ending after the segment's start
      int mid = (low + high) >>> 1;
      if (units.get(mid).end() <= segment.start()) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    for (int i = low; i < units.size() && units.get(i).start() < segment.end(); i++) {
      indices.add(i);
    }
    return indices;
  }

  private static Map<SourceId, List<CodedSegment>> bySource(Set<CodedSegment> segments) {
    Map<SourceId, List<CodedSegment>> bySource = new HashMap<>();
    for (CodedSegment segment : segments) {
      bySource.computeIfAbsent(segment.sourceId(), k -> new ArrayList<>()).add(segment);
    }
    bySource.values().forEach(list -> list.sort(CodingSnapshot.IN_TEXT_ORDER));
    return bySource;
  }

  /** The number of segments starting at or before {@code position}. */
  private static int upperBound(List<CodedSegment> sorted, int position) {
    int low = 0;
    int high = sorted.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted.get(mid).start() <= position) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
