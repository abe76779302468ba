package org.fabrique.formats.refi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.fabrique.core.Fabrique;
import org.fabrique.core.corpus.ExtractedText;
import org.fabrique.core.corpus.TextExtractor;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.exchange.ForeignDatabase;
import org.fabrique.core.testing.MemoryStore;
import org.fabrique.core.user.User;

/**
 * Fabrique on the in-memory store with the REFI-QDA exchange, and a small text extractor that reads
 * plain texts and the paragraphs of .docx files (the Tika one lives on another branch).
 */
final class TestWorkbench {
  final Fabrique fabrique;
  final User user;

  TestWorkbench(Path folder) {
    this(folder, ArchiveLimits.DEFAULT);
  }

  TestWorkbench(Path folder, ArchiveLimits limits) {
    this(folder, limits, new SimpleExtractor());
  }

  TestWorkbench(Path folder, ArchiveLimits limits, TextExtractor textExtractor) {
    this(folder, limits, textExtractor, ForeignDatabase.Opener.NONE);
  }

  /** A workbench that reads QualCoder projects as the command line does. */
  TestWorkbench(Path folder, ForeignDatabase.Opener databases) {
    this(folder, ArchiveLimits.DEFAULT, new SimpleExtractor(), databases);
  }

  TestWorkbench(
      Path folder,
      ArchiveLimits limits,
      TextExtractor textExtractor,
      ForeignDatabase.Opener databases) {
    fabrique =
        Fabrique.on(
            new MemoryStore(folder.resolve("blobs")),
            textExtractor,
            Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC),
            (store, history, extractor, clock) ->
                new RefiQdaExchange(
                    store,
                    history,
                    Optional.of(extractor),
                    clock,
                    limits,
                    ExternalFiles.REFUSE,
                    databases,
                    List.of(new JourneyElementNotes())));
    user = fabrique.users().defaultUser();
  }

  static Path resource(String name, Path folder) {
    try (InputStream in = TestWorkbench.class.getResourceAsStream("/refi/" + name)) {
      if (in == null) {
        throw new IllegalStateException("No test resource " + name);
      }
      Path copy = folder.resolve(name.substring(name.lastIndexOf('/') + 1));
      Files.copy(in, copy);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads .txt as UTF-8 and the paragraphs of .docx; refuses anything else. */
  static final class SimpleExtractor implements TextExtractor {
    @Override
    public ExtractedText extract(String fileName, Path file) {
      try {
        if (fileName.endsWith(".docx")) {
          try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
              if (entry.getName().equals("word/document.xml")) {
                String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                String text = xml.replace("</w:p>", "\n").replaceAll("<[^>]+>", "").strip();
                return new ExtractedText(text, SourceTexts.mediaTypeOf(fileName), Optional.empty());
              }
            }
          }
          throw new InvalidInputException(fileName + " is not a Word document");
        }
        if (fileName.endsWith(".txt")) {
          return new ExtractedText(
              Files.readString(file, StandardCharsets.UTF_8), "text/plain", Optional.empty());
        }
        throw new InvalidInputException(fileName + ": only .txt and .docx are read in tests");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Optional<String> detectLanguage(String text) {
      return Optional.empty();
    }
  }
}
