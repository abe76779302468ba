package org.fabrique.web.i18n;

import java.text.NumberFormat;
import org.fabrique.core.error.Problem;
import org.fabrique.core.exchange.ExchangeReport;
import org.fabrique.core.exchange.ReportWording;

/**
 * The data-loss report of a REFI-QDA exchange in a language of the interface, from the message
 * bundles: the job page shows it, the command line prints its summary and writes its Markdown
 * beside the exchanged file. Operations and kinds the bundles do not know, names, files and
 * locations are written as they are.
 */
public final class ExchangeReportText implements ReportWording {
  private final Messages messages;
  private final Lang lang;

  public ExchangeReportText(Messages messages, Lang lang) {
    this.messages = messages;
    this.lang = lang;
  }

  /** What was done, e.g. "Importation d’un projet REFI-QDA". */
  public String operation(String operation) {
    return known("exchange.operation." + operation, operation);
  }

  /** A kind of item counted, e.g. "codages". */
  public String kind(String kind) {
    return known("exchange.kind." + kind, kind);
  }

  /** The heading of a job's report: "Data-loss report: Import of a REFI-QDA project". */
  public String heading(ExchangeReport report) {
    return messages.get(lang, "exchange.report.of", operation(report.operation()));
  }

  /** A count written the language's way. */
  public String number(long value) {
    return NumberFormat.getIntegerInstance(lang.locale()).format(value);
  }

  /** The heading of the problems of a severity, without their count: "Not carried". */
  public String severity(Problem.Severity severity) {
    return messages.get(
        lang, "exchange.severity." + severity.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** The line of the command line after an exchange: what was done, the summary, the report. */
  public String outcome(ExchangeReport report, Object reportFile) {
    return messages.get(
        lang, "cli.exchange.done", operation(report.operation()), report.summary(this), reportFile);
  }

  @Override
  public String title(String operation, String fileName) {
    return messages.get(lang, "exchange.markdown.title", operation(operation), fileName);
  }

  @Override
  public String nothingLostOrChanged() {
    return messages.get(lang, "exchange.summary.lossless");
  }

  @Override
  public String lost(String kind, int lost, int total) {
    return messages.get(lang, "exchange.lost.line", number(lost), number(total), kind(kind));
  }

  @Override
  public String noMainLoss() {
    return messages.get(lang, "exchange.summary.whole");
  }

  @Override
  public String summary(String losses, int notCarried, int changed) {
    return messages.get(lang, "exchange.summary", losses, notCarried, changed);
  }

  @Override
  public String lostHeading() {
    return messages.get(lang, "exchange.lost");
  }

  @Override
  public String lostLine(String kind, int lost, int total) {
    return messages.get(
        lang, "exchange.markdown.lost.line", kind(kind), number(lost), number(total));
  }

  @Override
  public String carriedHeading() {
    return messages.get(lang, "exchange.carried");
  }

  @Override
  public String nothingCarried() {
    return messages.get(lang, "exchange.carried.none");
  }

  @Override
  public String carriedLine(String kind, int count) {
    return messages.get(lang, "exchange.carried.line", kind(kind), number(count));
  }

  @Override
  public String section(Problem.Severity severity, int count) {
    return messages.get(lang, "exchange.section", severity(severity), number(count));
  }

  @Override
  public String problem(String message) {
    return messages.problem(lang, message);
  }

  @Override
  public String lossless() {
    return messages.get(lang, "exchange.lossless");
  }

  private String known(String key, String otherwise) {
    return messages.has(lang, key) || messages.has(Lang.EN, key)
        ? messages.get(lang, key)
        : otherwise;
  }
}
