package org.fabrique.formats.refi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.fabrique.core.error.Problem;

/**
 * The file an export writes: written beside its target under a hidden name, with the permissions of
 * any new file of the user (not those of a temporary file), and moved over the target only when
 * complete. Replacing a file that was there is said in the report.
 */
final class ExportTarget implements AutoCloseable {
  private final Path target;
  private final Path partial;
  private boolean moved;

  ExportTarget(Path file) {
    this.target = file.toAbsolutePath();
    this.partial =
        target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
    try {
      Files.createFile(partial);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file to write to. */
  Path partial() {
    return partial;
  }

  /** Moves the complete file over its target; says so in the report when one was there. */
  void complete(List<Problem> problems) {
    boolean replaces = Files.exists(target);
    try {
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    moved = true;
    if (replaces) {
      problems.add(
          Problem.info(
              target.getFileName().toString(),
              "A file of this name was there and was replaced by this export"));
    }
  }

  @Override
  public void close() {
    if (!moved) {
      SourceTexts.deleteQuietly(partial);
    }
  }
}
