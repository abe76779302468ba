package org.fabrique.formats.refi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fabrique.core.error.Problem;

/**
 * Whether sources outside the archive ({@code relative://}, {@code absolute://}) are read. A server
 * never reads them: a project file could otherwise make it read any file of its disk. The command
 * line, run by the user on their own files, reads them.
 */
public enum ExternalFiles {
  REFUSE,
  READ;

  Optional<Path> resolve(
      String path, String basePath, String where, String label, List<Problem> problems) {
    if (this == REFUSE) {
      problems.add(
          Problem.error(
              where,
              label
                  + " is outside the archive ("
                  + path
                  + "): external files are read only by the command line"));
      return Optional.empty();
    }
    String lower = path.toLowerCase(Locale.ROOT);
    String rest = path.substring(path.indexOf("://") + 3);
    try {
      Path file;
      if (lower.startsWith("absolute://")) {
        // absolute:///C:/folder/file or absolute:///home/file
        String trimmed = rest.matches("^/[A-Za-z]:.*") ? rest.substring(1) : rest;
        file = Path.of(trimmed);
      } else {
        file = Path.of(basePath.isEmpty() ? "." : basePath).resolve(rest.replaceFirst("^/+", ""));
      }
      if (!Files.isRegularFile(file)) {
        problems.add(Problem.error(where, label + ": the external file " + path + " is missing"));
        return Optional.empty();
      }
      Path copy = Files.createTempFile("fabrique-refi", ".part");
      Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
      return Optional.of(copy);
    } catch (InvalidPathException e) {
      problems.add(Problem.error(where, label + ": the path " + path + " is not a valid path"));
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
