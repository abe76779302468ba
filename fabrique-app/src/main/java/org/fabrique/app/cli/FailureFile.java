package org.fabrique.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The full account of a command's unexpected failure (a failure of the database, the disk or
 * Fabrique itself), written to a file only its user can read rather than on the terminal: the
 * terminal gets one sentence and the file's name, for whoever looks after Fabrique. Exception
 * messages name ids, counts and files, never field material; the file is private all the same.
 */
final class FailureFile {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

  private FailureFile() {}

  /**
   * Writes the failure with its causes and where they happened.
   *
   * @return the file, or empty when it could not be written (the terminal then says so)
   */
  static Optional<Path> write(Throwable failure) {
    return write(failure, Path.of(System.getProperty("java.io.tmpdir")));
  }

  static Optional<Path> write(Throwable failure, Path temporaryFolder) {
    try {
      Path folder =
          temporaryFolder.resolve(
              "fabrique-failures-" + System.getProperty("user.name", "user").replace('/', '_'));
      boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
      if (!Files.isDirectory(folder)) {
        if (posix) {
          Files.createDirectories(
              folder,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(folder);
        }
      }
      String prefix = "failure-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-";
      Path file =
          posix
              ? Files.createTempFile(
                  folder,
                  prefix,
                  ".txt",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile(folder, prefix, ".txt");
      try (PrintWriter writer =
          new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
        failure.printStackTrace(writer);
      }
      return Optional.of(file);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
