package org.fabrique.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Where SQLite's native library is loaded from. By default the driver copies it out of its jar into
 * the temporary folder at every start (a tenth of a second for each one-shot command). When the
 * launcher names a folder of this checkout with {@value #FOLDER_PROPERTY}, the library is copied
 * there once, per driver version and platform, and loaded from there afterwards (decision 0022).
 * The folder must belong to the user: a library placed there is loaded into the process. When it
 * cannot be written, the driver does as it does by default.
 */
final class SqliteNativeLibrary {
  /** The system property naming the folder that keeps the extracted library. */
  static final String FOLDER_PROPERTY = "fabrique.native.dir";

  private static final String DRIVER_PATH = "org.sqlite.lib.path";
  private static final String DRIVER_NAME = "org.sqlite.lib.name";
  private static final String DRIVER_TEMP = "org.sqlite.tmpdir";

  private SqliteNativeLibrary() {}

  /**
   * Points the SQLite driver at the kept copy of its library, copying it there first when missing.
   * Does nothing without {@value #FOLDER_PROPERTY} or when the driver's own settings are given.
   */
  static synchronized void useKeptCopy() {
    String folder = System.getProperty(FOLDER_PROPERTY);
    if (folder == null || folder.isBlank() || System.getProperty(DRIVER_PATH) != null) {
      return;
    }
    String name = LibraryLoaderUtil.getNativeLibName();
    Path kept =
        Path.of(folder)
            .resolve(
                String.join(
                        "-",
                        "sqlite-jdbc",
                        SQLiteJDBCLoader.getVersion(),
                        System.getProperty("os.name"),
                        System.getProperty("os.arch"))
                    .replace(' ', '_')
                    .toLowerCase(Locale.ROOT));
    Path library = kept.resolve(name);
    if (!Files.isRegularFile(library) && !copyOut(library)) {
      return;
    }
    System.setProperty(DRIVER_PATH, kept.toAbsolutePath().toString());
    System.setProperty(DRIVER_NAME, name);
    // The driver also lists its temporary folder at start for old copies to delete; this one is
    // small.
    System.setProperty(DRIVER_TEMP, kept.toAbsolutePath().toString());
  }

  /**
   * Copies the library for this platform out of the driver's jar, whole or not at all; false when
   * it cannot (the driver then does as it does by default).
   */
  private static boolean copyOut(Path library) {
    String resource =
        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + library.getFileName().toString();
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        return false; // a platform the driver does not ship: it will say so when it loads
      }
      Files.createDirectories(library.getParent());
      Path partial = Files.createTempFile(library.getParent(), "partial-", ".tmp");
      try {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        try {
          Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(partial, library, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(partial);
      }
      return true;
    } catch (IOException e) {
      return false; // a read-only checkout, a full disk: only slower
    }
  }
}
