package org.fabrique.store;

import org.jdbi.v3.core.Handle;

/**
 * The ids of one transaction. Ids are reserved from the database in blocks that double in size (1,
 * 2, 4… up to {@value #MAX_BLOCK}), so a small change wastes at most a few ids and a bulk import
 * makes one round trip per thousand items. A block never outlives its transaction: the ids it did
 * not hand out are lost, which keeps allocation correct even when the transaction is rolled back
 * (on SQLite the counter rolls back with it).
 */
final class TransactionIds {
  static final int MAX_BLOCK = 1024;

  private final Handle handle;
  private final Dialect dialect;
  private long[] block = new long[0];
  private int next;

  TransactionIds(Handle handle, Dialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  long next() {
    if (next == block.length) {
      int size = Math.min(MAX_BLOCK, Math.max(1, block.length * 2));
      block = dialect.reserveIds(handle, size);
      next = 0;
    }
    return block[next++];
  }
}
