package org.fabrique.diff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small literal tables for tests. */
public final class Files2 {
  private Files2() {}

  public static Path write(Path directory, String name, String text) {
    try {
      return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path write(Path directory, String name, byte[] bytes) {
    try {
      return Files.write(directory.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
