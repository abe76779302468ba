package org.fabrique.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.fabrique.core.error.InvalidInputException;
import picocli.CommandLine.Option;

/** The options every command takes: where the data are. */
public final class GlobalOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Data directory: SQLite database, stored original files and indexes"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "fabrique-data")
  Path dataDir;

  @Option(
      names = "--db",
      paramLabel = "URL",
      description =
          "Database URL. Empty: SQLite in the data directory. A jdbc:postgresql://… URL runs on"
              + " PostgreSQL (files and indexes stay in the data directory).")
  String databaseUrl;

  @Option(
      names = "--db-user",
      paramLabel = "USER",
      description = "PostgreSQL user (default: from the URL or FABRIQUE_DB_USER).")
  String databaseUser;

  @Option(
      names = "--db-password-env",
      paramLabel = "VAR",
      description =
          "Name of the environment variable holding the PostgreSQL password"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "FABRIQUE_DB_PASSWORD")
  String databasePasswordVariable;

  @Option(
      names = "--max-file-size",
      paramLabel = "MB",
      description = "Largest file an import accepts, in megabytes (default: ${DEFAULT-VALUE}).",
      defaultValue = "200")
  int maxFileMegabytes;

  /** The largest file an import accepts, in bytes. */
  public long maxFileBytes() {
    if (maxFileMegabytes < 1) {
      throw new InvalidInputException("--max-file-size takes a number of megabytes of at least 1");
    }
    return maxFileMegabytes * 1024L * 1024L;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Optional<String> databaseUrl() {
    return Optional.ofNullable(databaseUrl).filter(u -> !u.isBlank());
  }

  public Optional<String> databaseUser() {
    return Optional.ofNullable(databaseUser)
        .or(() -> Optional.ofNullable(System.getenv("FABRIQUE_DB_USER")))
        .filter(u -> !u.isBlank());
  }

  public Optional<String> databasePassword() {
    return Optional.ofNullable(System.getenv(databasePasswordVariable)).filter(p -> !p.isEmpty());
  }
}
