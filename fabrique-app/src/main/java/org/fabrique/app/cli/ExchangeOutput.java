package org.fabrique.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.fabrique.core.error.Problem;
import org.fabrique.core.exchange.ExchangeReport;
import org.fabrique.core.exchange.QdaExchange;

/** How the exchange commands tell what was carried and where the data-loss report is. */
final class ExchangeOutput {
  private ExchangeOutput() {}

  static void summary(PrintWriter err, Path file, ExchangeReport report) {
    int errors = report.problems(Problem.Severity.ERROR).size();
    int warnings = report.problems(Problem.Severity.WARNING).size();
    err.println(
        report.operation()
            + ": "
            + (errors == 0 && warnings == 0
                ? "nothing lost or changed"
                : errors + " item(s) not carried, " + warnings + " changed")
            + "; report in "
            + QdaExchange.reportPath(file.toAbsolutePath()));
  }
}
