package org.fabrique.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.redaction.ExportScope;

/** The data-loss report of an export under a redaction profile, written beside its file. */
final class RedactionReport {
  private RedactionReport() {}

  /**
   * Writes {@code FILE.report.md}: what the profile redacted and left out, in counts.
   *
   * @return the report's path
   */
  static Path writeBeside(Path file, String title, ExportScope scope) {
    Path report = file.resolveSibling(file.getFileName() + ".report.md");
    try {
      Files.write(
          report,
          ("# "
                  + title
                  + ": what was redacted and left out\n\n- "
                  + String.join("\n- ", scope.report().lines())
                  + "\n")
              .getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new StorageException("Could not write " + report, e);
    }
    return report;
  }
}
