package org.fabrique.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.fabrique.core.exchange.ExchangeReport;
import org.fabrique.core.exchange.QdaExchange;

/** How the exchange commands tell what was lost and where the data-loss report is. */
final class ExchangeOutput {
  private ExchangeOutput() {}

  static void summary(PrintWriter err, Path file, ExchangeReport report) {
    err.println(
        report.operation()
            + ": "
            + report.summary()
            + "; report in "
            + report.reportFile().orElse(QdaExchange.reportPath(file.toAbsolutePath())));
  }
}
