package org.fabrique.formats.refi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fabrique.core.corpus.BlobStore;
import org.fabrique.core.corpus.ExtractedText;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.corpus.TextExtractor;
import org.fabrique.core.corpus.TextNormalizer;
import org.fabrique.core.corpus.TranscriptParser;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.Problem;
import org.fabrique.formats.refi.RefiModel.Selection;
import org.fabrique.formats.refi.RefiModel.Source;

/**
 * The first phase of a project import, before the transaction: each source's plain text and
 * original are read from the archive, normalised, stored in the blob store, and its selections are
 * placed on the text. Only one source's text is in memory at a time.
 */
final class SourceTexts {
  /**
   * A source ready to be stored, with its speaker turns when its text is a transcript (REFI-QDA has
   * no place for them: they are found again in the text).
   */
  record Prepared(
      Source source,
      String textDigest,
      int length,
      String originalDigest,
      String originalFileName,
      String mediaType,
      List<Placed> selections,
      List<SpeakerTurn> turns) {}

  /** A selection placed on the plain text, with its quote. */
  record Placed(Selection selection, int start, int end, String quote) {}

  private final QdpxArchive archive;
  private final BlobStore blobs;
  private final Optional<TextExtractor> extractor;
  private final ExternalFiles external;
  private final String basePath;
  private final Optional<PositionReading.Convention> convention;
  private final List<Problem> problems;
  private final Losses losses;

  SourceTexts(
      QdpxArchive archive,
      BlobStore blobs,
      Optional<TextExtractor> extractor,
      ExternalFiles external,
      RefiModel.Project project,
      List<Problem> problems,
      Losses losses) {
    this.archive = archive;
    this.blobs = blobs;
    this.extractor = extractor;
    this.external = external;
    this.basePath = project.basePath();
    this.convention = PositionReading.Convention.of(project.origin());
    this.problems = problems;
    this.losses = losses;
  }

  /** Prepares a text or PDF source; empty (and reported) when it cannot be carried. */
  Optional<Prepared> prepare(Source source) {
    String where = source.location();
    String label = label(source);
    try {
      Optional<Path> original = source.originalPath().flatMap(p -> fetch(p, where, label));
      String originalName = source.originalPath().map(SourceTexts::fileNameOf).orElse("");
      Optional<byte[]> shipped = Optional.empty();
      if (source.plainTextContent().isPresent()) {
        shipped = Optional.of(source.plainTextContent().get().getBytes(StandardCharsets.UTF_8));
      } else if (source.plainTextPath().isPresent()) {
        Optional<Path> file = fetch(source.plainTextPath().get(), where, label);
        if (file.isPresent()) {
          shipped = Optional.of(readAll(file.get()));
          Files.deleteIfExists(file.get());
        }
      }
      String raw = shipped.map(b -> decode(b, where, label)).orElse("");
      String normalized = TextNormalizer.normalize(raw);
      boolean extracted = false;
      if (normalized.isBlank() && original.isPresent()) {
        Optional<String> text = extract(original.get(), originalName, where, label);
        if (text.isPresent()) {
          raw = text.get();
          normalized = TextNormalizer.normalize(raw);
          shipped = Optional.of(raw.getBytes(StandardCharsets.UTF_8));
          extracted = true;
        }
      }
      if (normalized.isBlank() && shipped.isPresent()) {
        // Nothing is lost or changed: the source is what it was, a source without text.
        problems.add(
            original.isPresent()
                ? Problem.info(
                    where,
                    label
                        + " has no text, nor has its original "
                        + originalName
                        + ": it was imported as a source without text (its original is kept)")
                : Problem.info(
                    where, label + " has no text: it was imported as a source without text"));
      }
      if (normalized.isBlank() && shipped.isEmpty()) {
        problems.add(
            Problem.error(
                where,
                label
                    + " has no text (its plain text is missing): not carried, nor its "
                    + source.selections().size()
                    + " selection(s) and their codings"));
        losses.source(source);
        original.ifPresent(SourceTexts::deleteQuietly);
        return Optional.empty();
      }
      PlainText text = PlainText.of(normalized);
      String textDigest = blobs.put(normalized.getBytes(StandardCharsets.UTF_8));
      String originalDigest;
      String fileName;
      String mediaType;
      if (original.isPresent()) {
        originalDigest = blobs.put(original.get());
        fileName = baseName(source) + extensionOf(originalName);
        mediaType = mediaTypeOf(originalName);
        deleteQuietly(original.get());
      } else {
        originalDigest = blobs.put(shipped.orElseThrow());
        fileName = baseName(source) + ".txt";
        mediaType = "text/plain";
      }
      List<Placed> placed = place(source, raw, text, extracted, where, label);
      return Optional.of(
          new Prepared(
              source,
              textDigest,
              text.length(),
              originalDigest,
              fileName,
              mediaType,
              placed,
              TranscriptParser.parse(text)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Placed> place(
      Source source, String raw, PlainText text, boolean extracted, String where, String label) {
    if (source.selections().isEmpty()) {
      return List.of();
    }
    SelectionPlacement placement = new SelectionPlacement(new ShippedText(raw, text), convention);
    SelectionPlacement.Decision decision =
        extracted ? placement.byQuotes(source.selections()) : placement.place(source.selections());
    new PlacementReport(label, where, text.length(), problems, losses)
        .report(decision, raw.startsWith("\uFEFF"), raw.contains("\r\n"));
    List<Placed> placed = new ArrayList<>();
    for (SelectionPlacement.Placement p : decision.placed()) {
      placed.add(new Placed(p.selection(), p.start(), p.end(), text.substring(p.start(), p.end())));
    }
    return placed;
  }

  /**
   * A local copy of the file a REFI path points at, or empty (reported) when it cannot be had. The
   * path may be {@code internal://NAME} (in the sources folder, any case), a bare name or a path in
   * the archive (as some tools write it), {@code relative://} (the archive is searched first, then
   * the base path when external files are read) or {@code absolute://}.
   */
  Optional<Path> fetch(String path, String where, String label) {
    String lower = path.toLowerCase(Locale.ROOT);
    int scheme = lower.indexOf("://");
    String kind = scheme > 0 ? lower.substring(0, scheme) : "";
    String rest = scheme > 0 ? path.substring(scheme + 3) : path;
    switch (kind) {
      case "internal" -> {
        Optional<String> located = archive.locate(rest);
        if (located.isEmpty()) {
          problems.add(
              Problem.error(
                  where, label + ": the file " + rest + " is missing from the sources folder"));
        }
        return located.map(this::copy);
      }
      case "relative", "absolute" -> {
        Optional<String> inside =
            archive.locate(kind.equals("relative") ? rest : SourceTexts.fileNameOf(rest));
        if (inside.isPresent()) {
          problems.add(
              Problem.info(
                  where, label + ": " + path + " was read from the archive's " + inside.get()));
          return inside.map(this::copy);
        }
        return external.resolve(path, basePath, where, label, problems);
      }
      case "" -> {
        Optional<String> located = archive.locate(rest);
        if (located.isEmpty()) {
          problems.add(
              Problem.error(
                  where,
                  label
                      + ": the path "
                      + path
                      + " names no file of the project (looked for in its sources folder and at"
                      + " its root)"));
        } else {
          problems.add(
              Problem.info(
                  where,
                  label
                      + ": the path "
                      + path
                      + " has no internal://; read from the archive's "
                      + located.get()));
        }
        return located.map(this::copy);
      }
      default -> {
        problems.add(
            Problem.error(
                where,
                label
                    + ": the path "
                    + path
                    + " is not internal://, relative://, absolute:// nor a file of the"
                    + " project; not read"));
        return Optional.empty();
      }
    }
  }

  private Path copy(String located) {
    try {
      Path copy = Files.createTempFile("fabrique-refi", ".part");
      try (InputStream in = archive.open(located)) {
        Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (RuntimeException e) {
        deleteQuietly(copy);
        throw e;
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Optional<String> extract(Path original, String name, String where, String label) {
    if (extractor.isEmpty()) {
      return Optional.empty();
    }
    try {
      ExtractedText extracted = extractor.get().extract(name, original);
      if (TextNormalizer.normalize(extracted.text()).isBlank()) {
        return Optional.empty();
      }
      problems.add(
          Problem.warning(
              where,
              label
                  + " came without its plain text: its text was extracted from the original "
                  + name
                  + ", and its selections placed by their quotes"));
      return Optional.of(extracted.text());
    } catch (InvalidInputException e) {
      // a file with no text to extract is a source without text, reported as such
      problems.add(Problem.info(where, label + ": " + e.getMessage()));
      return Optional.empty();
    }
  }

  private String decode(byte[] bytes, String where, String label) {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      problems.add(
          Problem.warning(where, label + ": the plain text is UTF-16, not UTF-8; converted"));
      // the decoder drops the byte-order mark: it is kept, since positions may count it
      return "\uFEFF" + new String(bytes, StandardCharsets.UTF_16);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      problems.add(
          Problem.warning(
              where,
              label + ": the plain text is not valid UTF-8; bad bytes were replaced by \uFFFD"));
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static byte[] readAll(Path file) throws IOException {
    return Files.readAllBytes(file);
  }

  static String label(Source source) {
    return "the " + source.kind().element() + " " + source.guid();
  }

  private static String baseName(Source source) {
    String name = source.name().strip();
    return name.isEmpty() ? source.guid() : name.replaceAll("[\\\\/:*?\"<>|]", "_");
  }

  static String fileNameOf(String path) {
    String p = path.replace('\\', '/');
    return p.substring(p.lastIndexOf('/') + 1);
  }

  static String extensionOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(dot).toLowerCase(Locale.ROOT) : "";
  }

  static String mediaTypeOf(String fileName) {
    return switch (extensionOf(fileName)) {
      case ".txt" -> "text/plain";
      case ".docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      case ".pdf" -> "application/pdf";
      case ".odt" -> "application/vnd.oasis.opendocument.text";
      case ".rtf" -> "application/rtf";
      case ".html", ".htm" -> "text/html";
      case ".md" -> "text/markdown";
      case ".jpg", ".jpeg" -> "image/jpeg";
      case ".png" -> "image/png";
      default -> "application/octet-stream";
    };
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a temporary file left behind is harmless
    }
  }
}
