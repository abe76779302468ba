package org.fabrique.formats.refi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.exchange.ExchangeReport;
import org.fabrique.core.exchange.QdaExchange;

/** Writes data-loss reports beside the files they concern, never over an earlier one. */
final class Reports {
  private Reports() {}

  /** The report of a file that was refused: nothing was imported, and why. */
  static void writeRefusal(Path file, String operation, InvalidInputException refusal) {
    if (!Files.exists(file)) {
      return;
    }
    try {
      writeBeside(
          file,
          ExchangeReport.refusal(operation, file.getFileName().toString(), refusal.getMessage()));
    } catch (UncheckedIOException e) {
      // the refusal itself reaches the user; a folder we cannot write to only loses its copy
      refusal.addSuppressed(e);
    }
  }

  /** Writes the report beside the file and returns it with where it was written. */
  static ExchangeReport writeBeside(Path file, ExchangeReport report) {
    Path path = QdaExchange.newReportPath(file.toAbsolutePath());
    try {
      Files.writeString(path, report.toMarkdown(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return report.writtenTo(path);
  }
}
