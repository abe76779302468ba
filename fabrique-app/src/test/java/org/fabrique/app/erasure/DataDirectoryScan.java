package org.fabrique.app.erasure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Looks for a string in every byte of every file under a folder: as written, in lower case (index
 * terms) and in UTF-16 (either byte order).
 */
public final class DataDirectoryScan {
  private DataDirectoryScan() {}

  /** The files (relative to the folder) in which the string occurs. */
  public static List<String> filesContaining(Path folder, String value) {
    List<byte[]> needles =
        List.of(
            value.getBytes(StandardCharsets.UTF_8),
            value.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
            value.getBytes(StandardCharsets.UTF_16LE),
            value.getBytes(StandardCharsets.UTF_16BE));
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        if (needles.stream().anyMatch(n -> indexOf(bytes, n) >= 0)) {
          found.add(folder.relativize(file).toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** Whether the bytes hold the needle. */
  public static boolean contains(byte[] bytes, String value) {
    return indexOf(bytes, value.getBytes(StandardCharsets.UTF_8)) >= 0
        || indexOf(bytes, value.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)) >= 0;
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
