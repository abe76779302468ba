package org.fabrique.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.exchange.ExchangeReport;
import org.fabrique.core.exchange.QdaExchange;
import org.fabrique.web.i18n.ExchangeReportText;
import org.fabrique.web.i18n.Lang;

/**
 * How the exchange commands tell what was lost and where the data-loss report is, in the language
 * of the command line. The exchange writes its report in English; in another language the command
 * writes it again, in the same place, with the words of the interface (names, files and locations
 * as they are).
 */
final class ExchangeOutput {
  private ExchangeOutput() {}

  /** Prints the summary of an exchange, after writing its report in the user's language. */
  static void summary(FabriqueCommand root, PrintWriter err, Path file, ExchangeReport report) {
    ExchangeReportText text = root.reportText();
    Path written = report.reportFile().orElse(QdaExchange.reportPath(file.toAbsolutePath()));
    if (root.lang() != Lang.EN && report.reportFile().isPresent()) {
      try {
        write(written, report.toMarkdown(text));
      } catch (UncheckedIOException e) {
        throw new StorageException("Could not write " + written, e.getCause());
      }
    }
    err.println(text.outcome(report, written));
  }

  /**
   * Runs an import; when it refuses the file, the report of the refusal written beside the file is
   * written again in the user's language before the refusal goes on to be told.
   */
  static <T> T refusalTold(FabriqueCommand root, Path file, Supplier<T> importing) {
    Path next = QdaExchange.newReportPath(file.toAbsolutePath());
    try {
      return importing.get();
    } catch (InvalidInputException refusal) {
      if (root.lang() != Lang.EN && Files.isRegularFile(next)) {
        try {
          rewriteRefusal(root.reportText(), next, file, refusal);
        } catch (UncheckedIOException e) {
          // The refusal reaches the user; the report only stays in English.
          refusal.addSuppressed(e);
        }
      }
      throw refusal;
    }
  }

  /** The refusal's report again, its operation read back from the English heading. */
  private static void rewriteRefusal(
      ExchangeReportText text, Path report, Path file, InvalidInputException refusal) {
    String fileName = file.getFileName().toString();
    String heading;
    try (var lines = Files.lines(report, StandardCharsets.UTF_8)) {
      heading = lines.findFirst().orElse("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String prefix = "# ";
    String suffix = ": " + fileName;
    if (heading.startsWith(prefix) && heading.endsWith(suffix)) {
      String operation = heading.substring(prefix.length(), heading.length() - suffix.length());
      write(
          report,
          ExchangeReport.refusal(operation, fileName, refusal.getMessage()).toMarkdown(text));
    }
  }

  private static void write(Path report, String markdown) {
    try {
      Files.writeString(report, markdown, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
