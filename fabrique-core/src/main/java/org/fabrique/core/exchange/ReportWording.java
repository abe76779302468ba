package org.fabrique.core.exchange;

import org.fabrique.core.error.Problem;

/**
 * The words of a data-loss report in one language: {@link ExchangeReport} lays out its summary and
 * its Markdown, the wording says each part. {@link #ENGLISH} is the report as the exchange writes
 * it; the interface's message bundles give the others, so that a report reads in its reader's
 * language. Kinds ("codings") and operations are given as the report holds them, in English;
 * problems as the services wrote them.
 */
public interface ReportWording {
  /** The report in English, as the exchange writes it beside the file. */
  ReportWording ENGLISH = new English();

  /** The heading: "Import of a REFI-QDA project: registry.qdpx". */
  String title(String operation, String fileName);

  /** The summary when nothing was lost or changed: "nothing lost or changed". */
  String nothingLostOrChanged();

  /** A loss in the summary: "303 of 303 codings lost". */
  String lost(String kind, int lost, int total);

  /** The summary's losses when codings, selections and sources are whole. */
  String noMainLoss();

  /** The summary: "LOSSES; 4 items not carried and 2 changes listed in the report". */
  String summary(String losses, int notCarried, int changed);

  /** The heading of what was lost: "Lost". */
  String lostHeading();

  /** A line of what was lost: "codings: 303 of 303". */
  String lostLine(String kind, int lost, int total);

  /** The heading of what was carried: "Carried". */
  String carriedHeading();

  /** What was carried when nothing was: "Nothing.". */
  String nothingCarried();

  /** A line of what was carried: "codes: 12". */
  String carriedLine(String kind, int count);

  /** The heading of the problems of a severity: "Not carried (3)". */
  String section(Problem.Severity severity, int count);

  /** A problem's message as the reader reads it. */
  String problem(String message);

  /** The closing line of a lossless report: "Nothing was lost or changed.". */
  String lossless();

  /** English, as the report was always written. */
  final class English implements ReportWording {
    private English() {}

    @Override
    public String title(String operation, String fileName) {
      return operation + ": " + fileName;
    }

    @Override
    public String nothingLostOrChanged() {
      return "nothing lost or changed";
    }

    @Override
    public String lost(String kind, int lost, int total) {
      return lost + " of " + total + " " + kind + " lost";
    }

    @Override
    public String noMainLoss() {
      return "no coding, selection or source lost";
    }

    @Override
    public String summary(String losses, int notCarried, int changed) {
      return losses
          + "; "
          + notCarried
          + (notCarried == 1 ? " item" : " items")
          + " not carried and "
          + changed
          + (changed == 1 ? " change" : " changes")
          + " listed in the report";
    }

    @Override
    public String lostHeading() {
      return "Lost";
    }

    @Override
    public String lostLine(String kind, int lost, int total) {
      return kind + ": " + lost + " of " + total;
    }

    @Override
    public String carriedHeading() {
      return "Carried";
    }

    @Override
    public String nothingCarried() {
      return "Nothing.";
    }

    @Override
    public String carriedLine(String kind, int count) {
      return kind + ": " + count;
    }

    @Override
    public String section(Problem.Severity severity, int count) {
      String title =
          switch (severity) {
            case ERROR -> "Not carried";
            case WARNING -> "Changed";
            case INFO -> "Notes";
          };
      return title + " (" + count + ")";
    }

    @Override
    public String problem(String message) {
      return message;
    }

    @Override
    public String lossless() {
      return "Nothing was lost or changed.";
    }
  }
}
