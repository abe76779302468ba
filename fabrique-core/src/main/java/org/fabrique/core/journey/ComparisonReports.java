package org.fabrique.core.journey;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.store.Store;

/**
 * The reports of comparisons between two versions of a dataset (the explainable diff), kept in the
 * file store by the SHA-256 of their bytes so that a journey can point at the report that explains
 * an intervention, and recorded with the inquiry and the data object they were made for, so that
 * they are served only to the inquiry's members, under the profile their role allows (and are no
 * orphan files). The web app keeps and serves them through this, never through the store.
 */
public final class ComparisonReports {
  private final Store store;
  private final Clock clock;

  public ComparisonReports(Store store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Keeps a report made for a data object of an inquiry and returns the digest that names it. */
  public String keep(InquiryId inquiry, ElementId element, byte[] report) {
    String digest = store.blobs().put(report);
    store.inTransaction(
        tx -> {
          tx.journeys().keepReport(new ComparisonReport(digest, inquiry, element, clock.instant()));
          return null;
        });
    return digest;
  }

  /** For whom a report was kept, oldest first; empty when no inquiry kept it. */
  public List<ComparisonReport> records(String digest) {
    return store.inTransaction(tx -> tx.journeys().reports(digest));
  }

  /**
   * The bytes of a kept report.
   *
   * @throws org.fabrique.core.error.NotFoundException when nothing is kept under that digest
   */
  public byte[] read(String digest) {
    return store.blobs().read(digest);
  }
}
