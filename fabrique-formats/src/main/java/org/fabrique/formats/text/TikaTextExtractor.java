package org.fabrique.formats.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.fabrique.core.corpus.ExtractedText;
import org.fabrique.core.corpus.TextExtractor;
import org.fabrique.core.error.FabriqueException;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.StorageException;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads the text of corpus files with Apache Tika: txt, md, docx, odt, rtf, pdf, html, epub and the
 * other formats Tika knows. Plain text is decoded here, byte for byte, so that Markdown and
 * transcripts keep their text as written.
 *
 * <p>Every file is checked before a parser sees it (empty, too large, a zip bomb, an archive or a
 * program posing as a document) and read within limits (time, amount of text); a file that fails
 * any of them is refused with an {@link InvalidInputException} whose message names the file and
 * says what to do. Nothing is truncated silently, and no message quotes the file's content.
 *
 * <p>The time limit is kept by reading each file on a thread of its own: past the limit the caller
 * gets its answer at once, and the parser stops at the next piece of text it reports. A parser
 * looping without reporting anything runs on in the background until it ends; only a separate
 * process could stop it for certain.
 *
 * <p>Embedded files (attachments, pictures, objects) are not read, and images are never put through
 * text recognition. Instances are thread-safe.
 */
public final class TikaTextExtractor implements TextExtractor {
  private static final int PDF_TRAILER_WINDOW = 1024;

  private final ExtractionLimits limits;
  private final ZipContainerGuard zipGuard;
  private volatile Tika tika;
  private final LanguageGuesser languageGuesser = new LanguageGuesser();

  /** An extractor with the {@linkplain ExtractionLimits#defaults() default limits}. */
  public TikaTextExtractor() {
    this(ExtractionLimits.defaults());
  }

  public TikaTextExtractor(ExtractionLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.zipGuard = new ZipContainerGuard(limits);
  }

  /** Tika's detector and parsers, loaded with its configuration on the first file read. */
  private record Tika(Detector detector, AutoDetectParser parser) {}

  /**
   * Tika, loaded when a file is first read: loading its parsers takes most of a second, which a
   * command that imports nothing (an export, a listing) should not pay.
   */
  private Tika tika() {
    Tika loaded = tika;
    if (loaded == null) {
      synchronized (this) {
        loaded = tika;
        if (loaded == null) {
          TikaConfig config = TikaConfig.getDefaultConfig();
          loaded = new Tika(config.getDetector(), new AutoDetectParser(config));
          tika = loaded;
        }
      }
    }
    return loaded;
  }

  public ExtractionLimits limits() {
    return limits;
  }

  @Override
  public ExtractedText extract(String fileName, Path file) {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(file, "file");
    long size = sizeOf(fileName, file);
    if (size == 0) {
      throw new InvalidInputException(fileName + " is empty: there is no text to import.");
    }
    if (size > limits.maxFileBytes()) {
      throw new InvalidInputException(
          fileName
              + " is too large ("
              + Describe.bytes(size)
              + "): files of up to "
              + Describe.bytes(limits.maxFileBytes())
              + " can be imported. Split it into smaller files and import them separately.");
    }
    long deadlineNanos = System.nanoTime() + limits.timeLimit().toNanos();
    return withinTimeLimit(
        fileName, deadlineNanos, () -> read(fileName, file, size, deadlineNanos));
  }

  @Override
  public Optional<String> detectLanguage(String text) {
    return languageGuesser.guess(Objects.requireNonNull(text, "text"));
  }

  private ExtractedText read(String fileName, Path file, long size, long deadlineNanos)
      throws IOException {
    MediaType type;
    if (ZipContainerGuard.looksLikeZip(head(file))) {
      zipGuard.check(fileName, file);
      // The parts inside tell what a zip-based document is; a name ending in .docx does not make a
      // plain archive a document.
      type = detect(file, Optional.empty());
    } else {
      type = detect(file, Optional.of(fileName));
    }
    if (Subtitles.named(fileName, type.getBaseType().toString())) {
      return readSubtitles(fileName, file, size);
    }
    Optional<String> notADocument = DocumentTypes.whyNotADocument(type);
    if (notADocument.isPresent()) {
      throw new InvalidInputException(fileName + " " + notADocument.get());
    }
    if (DocumentTypes.isPlainText(type)) {
      return readPlainText(fileName, file, size, type);
    }
    if (type.getBaseType().equals(DocumentTypes.PDF) && !endsLikePdf(file, size)) {
      throw new InvalidInputException(
          fileName
              + " is incomplete: the end of the PDF is missing, as happens when a download or a"
              + " copy is cut short. Fetch the file again and import the new copy.");
    }
    return parse(fileName, file, type, deadlineNanos);
  }

  /** WebVTT and SubRip subtitles: their cues as a transcript with speakers and timestamps. */
  private ExtractedText readSubtitles(String fileName, Path file, long size) throws IOException {
    if (size > 4L * limits.maxTextCharacters()) {
      throw tooMuchText(fileName);
    }
    String subtitles = PlainTextDecoder.decode(fileName, Files.readAllBytes(file));
    String text =
        Subtitles.transcript(subtitles)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        fileName
                            + " holds no subtitle cue (a line such as 00:00:01.000 --> 00:00:04.000"
                            + " followed by what is said): there is no text to import."));
    String type =
        fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".srt")
            ? "application/x-subrip"
            : "text/vtt";
    return new ExtractedText(text, type, Optional.empty());
  }

  private ExtractedText readPlainText(String fileName, Path file, long size, MediaType type)
      throws IOException {
    // Four bytes at most per character: a larger file cannot fit within the limit.
    if (size > 4L * limits.maxTextCharacters()) {
      throw tooMuchText(fileName);
    }
    String text = PlainTextDecoder.decode(fileName, Files.readAllBytes(file));
    if (text.length() > limits.maxTextCharacters()) {
      throw tooMuchText(fileName);
    }
    requireSomeText(fileName, text, type);
    return new ExtractedText(text, type.getBaseType().toString(), Optional.empty());
  }

  private ExtractedText parse(String fileName, Path file, MediaType type, long deadlineNanos)
      throws IOException {
    Metadata metadata = new Metadata();
    BodyContentHandler body = new BodyContentHandler(limits.maxTextCharacters());
    ContentHandler handler = new DeadlineContentHandler(body, deadlineNanos);
    try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
      tika().parser().parse(in, handler, metadata, parseContext());
    } catch (SAXException | TikaException | IOException | RuntimeException e) {
      throw refusal(fileName, type, e);
    }
    String text = body.toString().strip();
    requireSomeText(fileName, text, type);
    return new ExtractedText(text, type.getBaseType().toString(), title(metadata));
  }

  private static ParseContext parseContext() {
    ParseContext context = new ParseContext();
    context.set(EmbeddedDocumentExtractor.class, new SkipEmbeddedDocuments());
    context.set(HtmlMapper.class, new VisibleTextHtmlMapper());
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    pdf.setExtractInlineImages(false);
    context.set(PDFParserConfig.class, pdf);
    TesseractOCRConfig ocr = new TesseractOCRConfig();
    ocr.setSkipOcr(true);
    context.set(TesseractOCRConfig.class, ocr);
    return context;
  }

  private InvalidInputException refusal(String fileName, MediaType type, Exception failure) {
    if (WriteLimitReachedException.isWriteLimitReached(failure)) {
      return tooMuchText(fileName);
    }
    if (DeadlineContentHandler.TimeLimitReached.ended(failure)) {
      return tookTooLong(fileName);
    }
    if (isEncryption(failure)) {
      return new InvalidInputException(
          fileName + " is encrypted: remove the password and import it again.", failure);
    }
    return new InvalidInputException(
        fileName
            + " could not be read as "
            + DocumentTypes.describe(type)
            + ": it is damaged or incomplete. Open it in its application, save it again and"
            + " import the new copy.",
        failure);
  }

  /**
   * Tika reports encryption with its own exception, but some parsers let the one of their library
   * through (POI's, PDFBox's InvalidPasswordException); those are recognised by name so that this
   * class does not depend on the libraries behind Tika.
   */
  private static boolean isEncryption(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String name = cause.getClass().getSimpleName();
      if (cause instanceof EncryptedDocumentException
          || name.equals("EncryptedDocumentException")
          || name.equals("InvalidPasswordException")) {
        return true;
      }
    }
    return false;
  }

  private static void requireSomeText(String fileName, String text, MediaType type) {
    if (text.isBlank() && type.getBaseType().equals(DocumentTypes.PDF)) {
      throw new InvalidInputException(
          fileName
              + " contains no text to import. A scanned PDF holds pictures of pages: run text"
              + " recognition (OCR) on it first.");
    }
    if (text.isBlank()) {
      throw new InvalidInputException(fileName + " contains no text to import.");
    }
  }

  private static Optional<String> title(Metadata metadata) {
    return Optional.ofNullable(metadata.get(TikaCoreProperties.TITLE))
        .map(String::strip)
        .filter(title -> !title.isEmpty());
  }

  private MediaType detect(Path file, Optional<String> fileName) throws IOException {
    Metadata metadata = new Metadata();
    try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
      metadata.remove(TikaCoreProperties.RESOURCE_NAME_KEY);
      fileName.ifPresent(name -> metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name));
      return tika().detector().detect(in, metadata);
    }
  }

  private ExtractedText withinTimeLimit(
      String fileName, long deadlineNanos, Callable<ExtractedText> reading) {
    FutureTask<ExtractedText> task = new FutureTask<>(reading);
    Thread worker = new Thread(task, "fabrique-text-extraction");
    worker.setDaemon(true);
    worker.start();
    try {
      return task.get(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw tookTooLong(fileName);
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new StorageException("Reading " + fileName + " was interrupted.", e);
    } catch (ExecutionException e) {
      throw unwrap(fileName, e.getCause());
    }
  }

  private static RuntimeException unwrap(String fileName, Throwable failure) {
    if (failure instanceof FabriqueException fabrique) {
      return fabrique;
    }
    if (failure instanceof StackOverflowError) {
      return new InvalidInputException(
          fileName + " is nested too deeply to be read; it may be damaged or hostile.", failure);
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new StorageException("Reading " + fileName + " failed.", failure);
  }

  private InvalidInputException tookTooLong(String fileName) {
    return new InvalidInputException(
        fileName
            + " took longer than "
            + Describe.duration(limits.timeLimit())
            + " to read and was stopped; it may be damaged or unusually complex. Open it in its"
            + " application, save it again (a PDF can be printed to a new PDF) and import the new"
            + " copy.");
  }

  private InvalidInputException tooMuchText(String fileName) {
    return new InvalidInputException(
        fileName
            + " contains more than "
            + Describe.count(limits.maxTextCharacters())
            + " characters of text, more than one source may hold. Split it into smaller files"
            + " and import them separately.");
  }

  private static long sizeOf(String fileName, Path file) {
    try {
      return Files.size(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(fileName + " was not found.", e);
    } catch (IOException e) {
      throw new StorageException(fileName + " could not be read.", e);
    }
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(8);
    }
  }

  /** Whether the last kilobyte holds the end-of-file marker every complete PDF ends with. */
  private static boolean endsLikePdf(Path file, long size) throws IOException {
    int window = (int) Math.min(size, PDF_TRAILER_WINDOW);
    ByteBuffer tail = ByteBuffer.allocate(window);
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      channel.position(size - window);
      while (tail.hasRemaining() && channel.read(tail) >= 0) {
        // read until the window is full
      }
    }
    return new String(tail.array(), StandardCharsets.ISO_8859_1).contains("%%EOF");
  }
}
