package org.fabrique.diff.report;

import java.util.Locale;
import java.util.Optional;

/** The formats a report can be written in. */
public enum ReportFormat {
  JSON,
  HTML,
  MD,
  DAFF;

  public static Optional<ReportFormat> parse(String name) {
    for (ReportFormat format : values()) {
      if (format.name().equalsIgnoreCase(name.strip())) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
