package org.fabrique.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The fast path of opening a store (decision 0003): when the database has applied, successfully,
 * exactly the migrations this Fabrique ships, one read of Flyway's history table says so and Flyway
 * is not started (its classes and its scan of the class path cost a command about half a second).
 * Anything else — a new or older database, a failed or unknown migration, a class path this cannot
 * list — goes through Flyway, which migrates, backs up or refuses as before.
 */
final class ShippedMigrations {
  private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");
  private static final String CLASSPATH = "classpath:";

  /**
   * The suffix of the list of a folder's migrations that the build writes beside the folder ({@code
   * db/migration/common.index}); only jars are read through it, so that a folder under development
   * is always listed as it is.
   */
  static final String INDEX = ".index";

  private ShippedMigrations() {}

  /** Whether the database is at exactly the schema this Fabrique ships. */
  static boolean current(DataSource dataSource, Dialect dialect) {
    Optional<Set<String>> shipped = versions(dialect.migrationLocations());
    if (shipped.isEmpty() || shipped.get().isEmpty()) {
      return false;
    }
    Set<String> applied = new HashSet<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
      while (rows.next()) {
        if (!rows.getBoolean(2)) {
          return false;
        }
        applied.add(rows.getString(1));
      }
    } catch (SQLException e) {
      // No history table yet (a new database) or one this cannot read: Flyway decides.
      return false;
    }
    return applied.equals(shipped.get());
  }

  /**
   * The versions of the migration files at Flyway locations ({@code classpath:db/migration/…}), or
   * empty when a location is somewhere this cannot list (then Flyway, which can, decides).
   */
  static Optional<Set<String>> versions(String... locations) {
    return versions(ShippedMigrations.class.getClassLoader(), locations);
  }

  /** {@link #versions(String...)} as a class loader sees them. */
  static Optional<Set<String>> versions(ClassLoader loader, String... locations) {
    Set<String> versions = new HashSet<>();
    for (String location : locations) {
      if (!location.startsWith(CLASSPATH)) {
        return Optional.empty();
      }
      String folder = location.substring(CLASSPATH.length());
      try {
        for (URL url : Collections.list(loader.getResources(folder))) {
          Optional<Set<String>> names = fileNames(url, folder);
          if (names.isEmpty()) {
            return Optional.empty();
          }
          for (String name : names.get()) {
            Matcher matcher = VERSIONED.matcher(name);
            if (matcher.matches()) {
              versions.add(matcher.group(1).replace('_', '.'));
            }
          }
        }
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.of(versions);
  }

  private static Optional<Set<String>> fileNames(URL url, String folder) throws IOException {
    switch (url.getProtocol()) {
      case "file":
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
          Set<String> names = new HashSet<>();
          files.forEach(file -> names.add(file.getFileName().toString()));
          return Optional.of(names);
        } catch (URISyntaxException | UncheckedIOException e) {
          return Optional.empty();
        }
      case "jar":
        JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile();
        String base = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        JarEntry index = jar.getJarEntry(base + INDEX);
        if (index != null) {
          return Optional.of(indexed(jar, index));
        }
        String prefix = base + "/";
        Set<String> names = new HashSet<>();
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          String name = entries.nextElement().getName();
          if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
            names.add(name.substring(prefix.length()));
          }
        }
        return Optional.of(names);
      default:
        return Optional.empty();
    }
  }

  /**
   * The file names the build listed in a folder's index. A jar holds thousands of entries
   * (Fabrique's runnable jar about forty thousand): walking them all took a command half a second.
   */
  private static Set<String> indexed(JarFile jar, JarEntry index) throws IOException {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(jar.getInputStream(index), StandardCharsets.UTF_8))) {
      Set<String> names = new HashSet<>();
      lines.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(names::add);
      return names;
    }
  }
}
