package org.fabrique.core.store;

import java.util.function.Function;
import org.fabrique.core.corpus.BlobStore;

/** The database of Fabrique: every read and write happens inside a transaction. */
public interface Store extends AutoCloseable {

  /**
   * Runs work in one transaction: committed when it returns, rolled back when it throws.
   *
   * @throws org.fabrique.core.error.StorageException when the database fails
   */
  <T> T inTransaction(Function<Transaction, T> work);

  /** Where original files and plain texts are kept, by content digest. */
  BlobStore blobs();

  /** A short description of the database for logs, e.g. "SQLite at fabrique-data/fabrique.db". */
  String describe();

  /**
   * Rewrites the database so that deleted rows leave no trace in its files (after a purge). A store
   * that keeps nothing on disk has nothing to do.
   */
  default void reclaimSpace() {}

  /**
   * Keeps a copy of everything before a change that is hard to take back (an import into an
   * existing inquiry), with the newest few of each reason kept. A store that keeps nothing on disk
   * has nothing to copy.
   *
   * @param reason a short name for the file, such as {@code before-codebook-import}
   */
  default void snapshot(String reason) {}

  @Override
  void close();
}
