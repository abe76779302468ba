package org.fabrique.formats.refi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fabrique.core.exchange.ExchangeReport;
import org.fabrique.core.exchange.QdaExchange;

/** Writes data-loss reports beside the files they concern. */
final class Reports {
  private Reports() {}

  static void writeBeside(Path file, ExchangeReport report) {
    try {
      Files.writeString(
          QdaExchange.reportPath(file.toAbsolutePath()),
          report.toMarkdown(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
