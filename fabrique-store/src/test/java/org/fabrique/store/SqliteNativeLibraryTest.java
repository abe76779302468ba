package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's native library kept in the folder the launcher names, copied there once. */
class SqliteNativeLibraryTest {
  private static final List<String> PROPERTIES =
      List.of(
          SqliteNativeLibrary.FOLDER_PROPERTY,
          "org.sqlite.lib.path",
          "org.sqlite.lib.name",
          "org.sqlite.tmpdir");

  @Test
  void theLibraryIsCopiedOnceAndTheDriverLoadsItFromThere(@TempDir Path folder) throws Exception {
    Map<String, String> saved = new HashMap<>();
    PROPERTIES.forEach(name -> saved.put(name, System.getProperty(name)));
    try {
      PROPERTIES.forEach(System::clearProperty);
      System.setProperty(SqliteNativeLibrary.FOLDER_PROPERTY, folder.toString());

      SqliteNativeLibrary.useKeptCopy();
      Path kept =
          Path.of(System.getProperty("org.sqlite.lib.path"))
              .resolve(System.getProperty("org.sqlite.lib.name"));
      assertTrue(kept.startsWith(folder), kept.toString());
      assertTrue(Files.size(kept) > 0);

      FileTime copied = FileTime.fromMillis(0);
      Files.setLastModifiedTime(kept, copied);
      System.clearProperty("org.sqlite.lib.path");
      SqliteNativeLibrary.useKeptCopy();
      assertEquals(copied, Files.getLastModifiedTime(kept), "copied again");

      try (JdbcStore store = JdbcStore.openSqlite(folder.resolve("data"))) {
        long id = store.inTransaction(tx -> tx.newId());
        assertTrue(id > 0);
      }
    } finally {
      saved.forEach(
          (name, value) -> {
            if (value == null) {
              System.clearProperty(name);
            } else {
              System.setProperty(name, value);
            }
          });
    }
  }
}
