package org.fabrique.core.journey;

import java.util.Objects;
import org.fabrique.core.store.Store;

/**
 * The reports of comparisons between two versions of a dataset (the explainable diff), kept in the
 * file store by the SHA-256 of their bytes so that a journey can point at the report that explains
 * an intervention. The web app keeps and serves them through this, never through the store.
 */
public final class ComparisonReports {
  private final Store store;

  public ComparisonReports(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** Keeps a report and returns the digest that names it. */
  public String keep(byte[] report) {
    return store.blobs().put(report);
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
