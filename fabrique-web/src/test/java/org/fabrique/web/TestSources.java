package org.fabrique.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Inquiry;

/** Sources made for tests through the corpus service. */
final class TestSources {
  private TestSources() {}

  static Source importText(TestApp web, Inquiry inquiry, String fileName, String text) {
    return importText(web, inquiry, fileName, text, java.util.Optional.empty());
  }

  /** Imports a text file; a known language skips detection, which is slow on long texts. */
  static Source importText(
      TestApp web,
      Inquiry inquiry,
      String fileName,
      String text,
      java.util.Optional<String> language) {
    try {
      Path file = Files.createTempFile(web.dataDir, "source", ".txt");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return web.fabrique
          .corpus()
          .importFile(
              inquiry.id(),
              web.fabrique.users().defaultUser().id(),
              ImportRequest.of(fileName, file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
