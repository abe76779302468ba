package org.fabrique.diff.report;

import java.io.Writer;

/** Writes a report in any of the {@link ReportFormat}s. */
public final class ReportWriters {
  private ReportWriters() {}

  public static void write(DiffReport report, ReportFormat format, Writer out) {
    switch (format) {
      case JSON -> JsonReports.write(report, out);
      case HTML -> HtmlReports.write(report, out);
      case MD -> MarkdownReports.write(report, out);
      case DAFF -> DaffReports.write(report, out);
    }
  }
}
