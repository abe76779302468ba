package org.fabrique.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.redaction.ExportScope;

/**
 * The data-loss report of an export under a redaction profile, written beside its file in the
 * language of the command line.
 */
final class RedactionReport {
  private RedactionReport() {}

  /**
   * Writes {@code FILE.report.md}: what the profile redacted and left out, in counts.
   *
   * @param title the key of the export's name in the message bundles
   * @return the report's path
   */
  static Path writeBeside(FabriqueCommand root, Path file, String title, ExportScope scope) {
    Path report = file.resolveSibling(file.getFileName() + ".report.md");
    try {
      Files.write(
          report,
          ("# "
                  + root.say("cli.redaction.title", root.say(title))
                  + "\n\n- "
                  + String.join("\n- ", lines(root, scope))
                  + "\n")
              .getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new StorageException("Could not write " + report, e);
    }
    return report;
  }

  /** The lines of the report: the profile, then what it left out and replaced. */
  static List<String> lines(FabriqueCommand root, ExportScope scope) {
    return scope.report().lines().stream().map(root::problem).toList();
  }
}
