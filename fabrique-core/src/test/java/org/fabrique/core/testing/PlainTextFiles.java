package org.fabrique.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.fabrique.core.corpus.ExtractedText;
import org.fabrique.core.corpus.TextExtractor;

/**
 * A text extractor for tests that import plain text: files are read as UTF-8, as they are, and no
 * language is detected (the tests give each source its language).
 */
public final class PlainTextFiles implements TextExtractor {
  @Override
  public ExtractedText extract(String fileName, Path file) {
    try {
      return new ExtractedText(
          Files.readString(file, StandardCharsets.UTF_8), "text/plain", Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<String> detectLanguage(String text) {
    return Optional.empty();
  }
}
