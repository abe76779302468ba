package org.fabrique.store.journey;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.ComparisonReport;
import org.fabrique.core.journey.ElementId;
import org.jdbi.v3.core.Handle;

/** For whom each kept comparison report was kept, in table {@code comparison_reports} (V121). */
final class JdbcComparisonReports {
  private final Handle handle;

  JdbcComparisonReports(Handle handle) {
    this.handle = handle;
  }

  void keep(ComparisonReport report) {
    boolean kept =
        handle
                .createQuery(
                    "SELECT COUNT(*) FROM comparison_reports"
                        + " WHERE digest = :d AND inquiry_id = :i AND element_id = :e")
                .bind("d", report.digest())
                .bind("i", report.inquiryId().value())
                .bind("e", report.element().value())
                .mapTo(Long.class)
                .one()
            > 0;
    if (!kept) {
      handle
          .createUpdate(
              "INSERT INTO comparison_reports (digest, inquiry_id, element_id, kept_at)"
                  + " VALUES (:d, :i, :e, :at)")
          .bind("d", report.digest())
          .bind("i", report.inquiryId().value())
          .bind("e", report.element().value())
          .bind("at", report.keptAt().toString())
          .execute();
    }
  }

  List<ComparisonReport> of(String digest) {
    return handle
        .createQuery(
            "SELECT digest, inquiry_id, element_id, kept_at FROM comparison_reports"
                + " WHERE digest = :d")
        .bind("d", digest)
        .map(
            (rs, ctx) ->
                new ComparisonReport(
                    rs.getString("digest"),
                    new InquiryId(rs.getLong("inquiry_id")),
                    new ElementId(rs.getLong("element_id")),
                    Instant.parse(rs.getString("kept_at"))))
        .list()
        .stream()
        .sorted(
            Comparator.comparing(ComparisonReport::keptAt)
                .thenComparingLong(r -> r.inquiryId().value())
                .thenComparingLong(r -> r.element().value()))
        .toList();
  }

  Set<String> digests() {
    return new HashSet<>(
        handle
            .createQuery("SELECT DISTINCT digest FROM comparison_reports")
            .mapTo(String.class)
            .list());
  }
}
