package org.fabrique.core.exchange;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A database file another tool wrote (QualCoder keeps a project in the SQLite file {@code
 * data.qda}), opened read-only. The store module reads it; an importer maps its tables.
 */
public interface ForeignDatabase extends AutoCloseable {
  /** The columns of a table, in lower case; empty when the file has no such table. */
  List<String> columns(String table);

  /**
   * Reads every row of a table, each as its columns (lower case) and values (String, a Number,
   * byte[] or null).
   */
  void forEachRow(String table, Consumer<Map<String, Object>> row);

  @Override
  void close();

  /** Opens database files; the composition root chooses the implementation. */
  @FunctionalInterface
  interface Opener {
    /** No database can be opened: importers say that this build cannot read them. */
    Opener NONE =
        file -> {
          throw new org.fabrique.core.error.InvalidInputException(
              file.getFileName() + ": this build of Fabrique cannot read database files");
        };

    /**
     * Opens a file read-only; nothing is ever written to it.
     *
     * @throws org.fabrique.core.error.InvalidInputException when it is not such a database
     */
    ForeignDatabase open(Path file);
  }
}
