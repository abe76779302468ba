package org.fabrique.store;

import java.util.Arrays;
import org.jdbi.v3.core.Handle;

/** What differs between the databases Fabrique runs on; everything else is portable SQL. */
public enum Dialect {
  SQLITE("sqlite", "") {
    @Override
    long[] reserveIds(Handle handle, int count) {
      int updated =
          handle
              .createUpdate("UPDATE id_allocator SET next_id = next_id + :count")
              .bind("count", count)
              .execute();
      if (updated != 1) {
        throw new IllegalStateException("The id allocator has " + updated + " rows instead of 1");
      }
      long next = handle.createQuery("SELECT next_id FROM id_allocator").mapTo(Long.class).one();
      long[] ids = new long[count];
      for (int i = 0; i < count; i++) {
        ids[i] = next - count + i;
      }
      return ids;
    }
  },

  POSTGRESQL("postgresql", " FOR UPDATE") {
    @Override
    long[] reserveIds(Handle handle, int count) {
      long[] ids =
          handle
              .createQuery("SELECT nextval('fabrique_ids') FROM generate_series(1, :count)")
              .bind("count", count)
              .mapTo(Long.class)
              .stream()
              .mapToLong(Long::longValue)
              .toArray();
      Arrays.sort(ids);
      return ids;
    }
  };

  private final String migrationFolder;
  private final String lockClause;

  Dialect(String migrationFolder, String lockClause) {
    this.migrationFolder = migrationFolder;
    this.lockClause = lockClause;
  }

  /** The Flyway locations: the common migrations, then this database's own. */
  public String[] migrationLocations() {
    return new String[] {
      "classpath:db/migration/common", "classpath:db/migration/" + migrationFolder
    };
  }

  /**
   * The clause that locks the rows a query reads until the transaction ends (empty on SQLite, where
   * a transaction already holds the database alone).
   */
  public String lockClause() {
    return lockClause;
  }

  /** Takes {@code count} fresh ids from the database's id space, ascending. */
  abstract long[] reserveIds(Handle handle, int count);
}
