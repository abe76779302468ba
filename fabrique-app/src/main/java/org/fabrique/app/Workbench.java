package org.fabrique.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.fabrique.core.Fabrique;
import org.fabrique.core.store.Store;
import org.fabrique.formats.refi.ExternalFiles;
import org.fabrique.formats.refi.RefiQdaExchange;
import org.fabrique.formats.text.ExtractionLimits;
import org.fabrique.formats.text.TikaTextExtractor;
import org.fabrique.search.LuceneSearchIndex;
import org.fabrique.search.export.TableMatrixExport;
import org.fabrique.store.JdbcStore;
import org.fabrique.store.exchange.SqliteForeignDatabase;

/**
 * The composition root: opens the store on the embedded default (SQLite in the data directory) or
 * on PostgreSQL, and wires the services on it. Everything is built here by hand.
 */
public final class Workbench implements AutoCloseable {
  private final Store store;
  private final Fabrique fabrique;
  private final Path dataDir;
  private final LuceneSearchIndex searchIndex;
  private final ExtractionLimits limits;

  private Workbench(Store store, Path dataDir, ExtractionLimits limits) {
    this.store = store;
    this.dataDir = dataDir;
    this.limits = limits;
    this.searchIndex = new LuceneSearchIndex(dataDir.resolve(INDEX_FOLDER));
    this.fabrique =
        Fabrique.on(
            store,
            new TikaTextExtractor(limits),
            Clock.systemUTC(),
            Fabrique.Adapters.none()
                .withSearch(searchIndex)
                .withMatrixExport(new TableMatrixExport())
                .withQda(
                    RefiQdaExchange.factory(ExternalFiles.REFUSE, SqliteForeignDatabase::open)));
  }

  /** The folder of the search index in the data directory (one sub-folder per inquiry). */
  public static final String INDEX_FOLDER = "index";

  /** Opens the embedded default: SQLite, files and indexes in the data directory. */
  public static Workbench embedded(Path dataDir) {
    return new Workbench(JdbcStore.openSqlite(dataDir), dataDir, ExtractionLimits.defaults());
  }

  /**
   * Opens a workbench on a database URL, or on the embedded default when there is none.
   *
   * @param databaseUrl a {@code jdbc:postgresql://…} URL, or empty for SQLite
   */
  public static Workbench open(
      Path dataDir,
      Optional<String> databaseUrl,
      Optional<String> user,
      Optional<String> password) {
    return open(dataDir, databaseUrl, user, password, ExtractionLimits.defaults().maxFileBytes());
  }

  /**
   * Opens a workbench that refuses to import files larger than {@code maxFileBytes}.
   *
   * @param databaseUrl a {@code jdbc:postgresql://…} URL, or empty for SQLite
   */
  public static Workbench open(
      Path dataDir,
      Optional<String> databaseUrl,
      Optional<String> user,
      Optional<String> password,
      long maxFileBytes) {
    ExtractionLimits limits = ExtractionLimits.defaults().withMaxFileBytes(maxFileBytes);
    Store store =
        databaseUrl.isEmpty()
            ? JdbcStore.openSqlite(dataDir)
            : JdbcStore.open(databaseUrl.get(), user.orElse(null), password.orElse(null), dataDir);
    return new Workbench(store, dataDir, limits);
  }

  /** The largest file an import accepts, in bytes. */
  public long maxFileBytes() {
    return limits.maxFileBytes();
  }

  public Fabrique fabrique() {
    return fabrique;
  }

  public Path dataDir() {
    return dataDir;
  }

  public String describe() {
    return store.describe();
  }

  @Override
  public void close() {
    try {
      searchIndex.close();
    } finally {
      store.close();
    }
  }
}
