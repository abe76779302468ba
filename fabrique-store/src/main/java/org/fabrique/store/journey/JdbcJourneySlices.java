package org.fabrique.store.journey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.EvidenceCoverage;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Parts of a journey read without reading it whole: the last made elements of some kinds, counts by
 * kind and the share of elements backed by evidence, each from the indexes on {@code
 * journey_elements} ({@code (case_id, kind, id)}, migration V182, and {@code (inquiry_id, kind,
 * id)}).
 */
final class JdbcJourneySlices {
  private final Handle handle;
  private final RowMapper<JourneyElement> element;

  JdbcJourneySlices(Handle handle, RowMapper<JourneyElement> element) {
    this.handle = handle;
    this.element = element;
  }

  List<JourneyElement> latest(CaseId caseId, Set<ItemKind> kinds, int limit) {
    return latest("case_id", caseId.value(), kinds, limit);
  }

  List<JourneyElement> latest(InquiryId inquiry, Set<ItemKind> kinds, int limit) {
    return latest("inquiry_id", inquiry.value(), kinds, limit);
  }

  Map<ItemKind, Long> countByKind(CaseId caseId) {
    return countByKind("case_id", caseId.value());
  }

  Map<ItemKind, Long> countByKind(InquiryId inquiry) {
    return countByKind("inquiry_id", inquiry.value());
  }

  private List<JourneyElement> latest(String column, long owner, Set<ItemKind> kinds, int limit) {
    if (limit <= 0 || kinds.isEmpty()) {
      return List.of();
    }
    // One query per kind, each walking its index backwards and stopping at the limit; a single
    // query over several kinds would sort every element of those kinds.
    List<JourneyElement> found = new ArrayList<>();
    for (ItemKind kind : kinds) {
      found.addAll(
          handle
              .createQuery(
                  "SELECT kind, body FROM journey_elements WHERE "
                      + column
                      + " = :owner AND kind = :kind ORDER BY id DESC LIMIT :limit")
              .bind("owner", owner)
              .bind("kind", kind.id())
              .bind("limit", limit)
              .map(element)
              .list());
    }
    return found.stream()
        .sorted(Comparator.comparingLong((JourneyElement e) -> e.id().value()).reversed())
        .limit(limit)
        .toList();
  }

  private Map<ItemKind, Long> countByKind(String column, long owner) {
    Map<ItemKind, Long> counts = new EnumMap<>(ItemKind.class);
    handle
        .createQuery(
            "SELECT kind, COUNT(*) FROM journey_elements WHERE "
                + column
                + " = :owner GROUP BY kind")
        .bind("owner", owner)
        .map((rs, ctx) -> Map.entry(Rows.itemKind(rs.getString(1)), rs.getLong(2)))
        .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
    return counts;
  }

  EvidenceCoverage.Share evidenceShare(CaseId caseId) {
    return handle
        .createQuery(
            """
            SELECT COUNT(*),
              COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM journey_evidence v
                WHERE v.element_kind = e.kind AND v.element_id = e.id) THEN 1 ELSE 0 END), 0)
            FROM journey_elements e WHERE e.case_id = :c AND e.kind <> :actor""")
        .bind("c", caseId.value())
        .bind("actor", ItemKind.ACTOR.id())
        .map((rs, ctx) -> new EvidenceCoverage.Share(rs.getInt(2), rs.getInt(1)))
        .one();
  }
}
