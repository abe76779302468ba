package org.fabrique.formats.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.fabrique.core.corpus.ExtractedText;
import org.fabrique.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TikaTextExtractorSafetyTest {
  private static final TikaTextExtractor EXTRACTOR = new TikaTextExtractor();
  private static final List<String> PARAGRAPHS =
      List.of("Premier paragraphe de la note.", "Second paragraphe de la note.");

  @TempDir Path folder;

  @Test
  void refusesAnEmptyFile() {
    assertRefused(
        EXTRACTOR, "notes.txt", new byte[0], "notes.txt is empty: there is no text to import.");
  }

  @Test
  void refusesAFileOverTheSizeLimit() {
    TikaTextExtractor small =
        new TikaTextExtractor(ExtractionLimits.defaults().withMaxFileBytes(1024));
    byte[] content = "Une ligne de notes.\n".repeat(200).getBytes(StandardCharsets.UTF_8);
    assertRefused(
        small,
        "notes.txt",
        content,
        "notes.txt is too large (3.9 KB): files of up to 1 KB can be imported. Split it into"
            + " smaller files and import them separately.");
  }

  @Test
  void acceptsAFileExactlyAtTheSizeLimit() throws IOException {
    byte[] content = "x".repeat(1024).getBytes(StandardCharsets.UTF_8);
    TikaTextExtractor small =
        new TikaTextExtractor(ExtractionLimits.defaults().withMaxFileBytes(1024));
    assertEquals(1024, small.extract("notes.txt", write("notes.txt", content)).text().length());
  }

  @Test
  void defaultsToTwoHundredMebibytesPerFile() {
    assertEquals(200L * 1024 * 1024, new TikaTextExtractor().limits().maxFileBytes());
  }

  @Test
  void refusesInvalidUtf8Text() {
    byte[] valid = "Le comité s'est réuni. ".getBytes(StandardCharsets.UTF_8);
    byte[] content = Arrays.copyOf(valid, valid.length + 2);
    content[valid.length] = (byte) 0xC3;
    content[valid.length + 1] = (byte) 0x28;
    assertRefused(
        EXTRACTOR,
        "notes.txt",
        content,
        "notes.txt is not valid UTF-8 text: some of its characters are damaged or written in"
            + " another encoding. Open it in a text editor, save it as UTF-8 and import it again.");
  }

  @Test
  void refusesUtf8MixedWithLatin1() {
    byte[] utf8 = "Le comité ".getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = "s'est réuni en décembre.".getBytes(StandardCharsets.ISO_8859_1);
    byte[] content = Arrays.copyOf(utf8, utf8.length + latin1.length);
    System.arraycopy(latin1, 0, content, utf8.length, latin1.length);
    assertRefused(
        EXTRACTOR,
        "notes.txt",
        content,
        "notes.txt is not valid UTF-8 text: some of its characters are damaged or written in"
            + " another encoding. Open it in a text editor, save it as UTF-8 and import it again.");
  }

  @Test
  void refusesBinaryDataPosingAsText() {
    byte[] content = new byte[4096];
    new Random(7).nextBytes(content);
    assertRefused(
        EXTRACTOR,
        "notes.txt",
        content,
        "notes.txt is not a text file: it contains binary data. Check that it is the right file.");
  }

  @Test
  void refusesAnEncryptedPdf() {
    assertRefused(
        EXTRACTOR,
        "interview-03.pdf",
        Documents.encryptedPdf(PARAGRAPHS, "secret"),
        "interview-03.pdf is encrypted: remove the password and import it again.");
  }

  @Test
  void refusesAPasswordProtectedWordDocument() throws Exception {
    POIFSFileSystem container = new POIFSFileSystem();
    Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
    encryptor.confirmPassword("secret");
    try (OutputStream data = encryptor.getDataStream(container)) {
      data.write(Documents.docx(PARAGRAPHS, "Note"));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    container.writeFilesystem(bytes);
    container.close();
    assertRefused(
        EXTRACTOR,
        "note.docx",
        bytes.toByteArray(),
        "note.docx is encrypted: remove the password and import it again.");
  }

  @Test
  void refusesAPasswordProtectedOpenDocumentText() {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("mimetype", "application/vnd.oasis.opendocument.text");
    parts.put(
        "META-INF/manifest.xml",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
          <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
          <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="2048">
            <manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA">
              <manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/>
              <manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="AAAA"/>
            </manifest:encryption-data>
          </manifest:file-entry>
        </manifest:manifest>""");
    parts.put("content.xml", "\u0001\u0002 ciphertext stands here \u00ff");
    assertRefused(
        EXTRACTOR,
        "note.odt",
        Documents.zip(parts),
        "note.odt is encrypted: remove the password and import it again.");
  }

  @Test
  void refusesACorruptPdf() {
    byte[] content = new byte[2048];
    new Random(11).nextBytes(content);
    byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    byte[] trailer = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, content, 0, header.length);
    System.arraycopy(trailer, 0, content, content.length - trailer.length, trailer.length);
    InvalidInputException refusal = refusal(EXTRACTOR, "rapport.pdf", content);
    assertTrue(
        refusal.getMessage().startsWith("rapport.pdf could not be read as a PDF document"),
        refusal.getMessage());
  }

  @Test
  void refusesATruncatedPdf() {
    byte[] whole = Documents.pdf(PARAGRAPHS, "");
    assertRefused(
        EXTRACTOR,
        "rapport.pdf",
        Arrays.copyOf(whole, whole.length * 2 / 3),
        "rapport.pdf is incomplete: the end of the PDF is missing, as happens when a download or"
            + " a copy is cut short. Fetch the file again and import the new copy.");
  }

  @Test
  void refusesATruncatedWordDocument() {
    byte[] whole = Documents.docx(PARAGRAPHS, "Note");
    assertRefused(
        EXTRACTOR,
        "note.docx",
        Arrays.copyOf(whole, whole.length / 2),
        "note.docx is damaged or incomplete and could not be opened. If it was downloaded or"
            + " copied, fetch it again; otherwise open it in its application, save it again and"
            + " import the new copy.");
  }

  @Test
  void refusesAZipBombPosingAsAWordDocument() throws IOException {
    Path bomb = folder.resolve("bomb");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
      zip.setLevel(9);
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      Documents.writeZeros(zip, 64L * 1024 * 1024);
      zip.closeEntry();
    }
    assertTrue(Files.size(bomb) < 200 * 1024, "the bomb stays small on disk");
    InvalidInputException refusal =
        assertThrows(InvalidInputException.class, () -> EXTRACTOR.extract("rapport.docx", bomb));
    assertEquals(
        "rapport.docx contains a part compressed more than 100 times; it looks like a zip bomb"
            + " and was not opened.",
        refusal.getMessage());
  }

  @Test
  void refusesAZipBasedDocumentThatInflatesBeyondTheLimit() {
    TikaTextExtractor strict =
        new TikaTextExtractor(ExtractionLimits.defaults().withZipLimits(10_000, 64 * 1024, 100));
    Map<String, String> parts = new LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      parts.put("word/media/part" + i + ".xml", randomLetters(i, 10_000));
    }
    assertRefused(
        strict,
        "rapport.docx",
        Documents.zip(parts),
        "rapport.docx would take more than 64 KB once unpacked; it looks like a zip bomb and"
            + " was not opened.");
  }

  @Test
  void refusesAZipBasedDocumentWithTooManyEntries() {
    TikaTextExtractor strict =
        new TikaTextExtractor(
            ExtractionLimits.defaults().withZipLimits(50, 1024L * 1024 * 1024, 100));
    Map<String, String> parts = new LinkedHashMap<>();
    for (int i = 0; i < 51; i++) {
      parts.put("OEBPS/page" + i + ".xhtml", "<p>" + i + "</p>");
    }
    assertRefused(
        strict,
        "livre.epub",
        Documents.zip(parts),
        "livre.epub holds 51 files inside, more than the 50 a document may have; it may be a zip"
            + " bomb and was not opened.");
  }

  @Test
  void refusesAZipSlipEntryName() {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("word/document.xml", "<w:document/>");
    parts.put("../../home/user/.bashrc", "echo pwned");
    assertRefused(
        EXTRACTOR,
        "note.docx",
        Documents.zip(parts),
        "note.docx contains a part whose path points outside the document (a \"zip slip\"); it"
            + " is not a genuine document and was not opened.");
  }

  @Test
  void refusesAZipArchiveNamedLikeADocument() {
    assertRefused(
        EXTRACTOR,
        "entretiens.docx",
        Documents.zip(Map.of("entretien-01.txt", "Bonjour.", "entretien-02.txt", "Bonsoir.")),
        "entretiens.docx is a ZIP archive, not a document. Unpack it and import the documents it"
            + " holds one by one.");
  }

  @Test
  void refusesAProgramNamedLikeADocument() {
    byte[] elf = new byte[512];
    byte[] header = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
    System.arraycopy(header, 0, elf, 0, header.length);
    elf[16] = 2; // ET_EXEC
    assertRefused(
        EXTRACTOR,
        "rapport.pdf",
        elf,
        "rapport.pdf is a program, not a document. Fabrique imports the text of documents: txt,"
            + " md, docx, odt, rtf, pdf, html, epub.");
  }

  @Test
  void refusesAnImageNamedLikeAText() {
    byte[] png = {
      (byte) 0x89,
      'P',
      'N',
      'G',
      0x0D,
      0x0A,
      0x1A,
      0x0A,
      0,
      0,
      0,
      0x0D,
      'I',
      'H',
      'D',
      'R',
      0,
      0,
      0,
      1,
      0,
      0,
      0,
      1,
      8,
      2,
      0,
      0,
      0
    };
    assertRefused(
        EXTRACTOR,
        "notes.txt",
        png,
        "notes.txt is an image, not a document. Fabrique imports the text of documents: txt, md,"
            + " docx, odt, rtf, pdf, html, epub.");
  }

  @Test
  void doesNotResolveExternalEntitiesInAWordDocument() throws IOException {
    String secret = "CONFIDENTIAL-7F3A9";
    Path secretFile = write("secret.txt", secret.getBytes(StandardCharsets.UTF_8));
    String documentXml =
        String.format(
            Locale.ROOT,
            """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <!DOCTYPE w:document [<!ENTITY leak SYSTEM "%s">]>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:body><w:p><w:r><w:t>Visible paragraph.</w:t></w:r></w:p>\
        <w:p><w:r><w:t>&leak;</w:t></w:r></w:p></w:body></w:document>""",
            secretFile.toUri());
    InvalidInputException refusal =
        refusal(EXTRACTOR, "xxe.docx", Documents.docxWithDocumentXml(documentXml, "Note"));
    // POI refuses any DOCTYPE in the parts of a document, so the entity is never read.
    assertEquals(
        "xxe.docx could not be read as a Word document: it is damaged or incomplete. Open it in"
            + " its application, save it again and import the new copy.",
        refusal.getMessage());
    for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
      assertFalse(String.valueOf(cause.getMessage()).contains(secret), "the entity was read");
    }
  }

  @Test
  void readsAPdfThatRestrictsOnlyEditing() throws IOException {
    Path file = write("rapport.pdf", Documents.encryptedPdf(PARAGRAPHS, ""));
    ExtractedText extracted = EXTRACTOR.extract("rapport.pdf", file);
    assertEquals(PARAGRAPHS, TikaTextExtractorFormatsTest.nonBlankLines(extracted.text()));
  }

  @Test
  void refusesTextBeyondTheTextLimitInsteadOfTruncatingIt() {
    TikaTextExtractor strict =
        new TikaTextExtractor(ExtractionLimits.defaults().withMaxTextCharacters(1000));
    String html = "<html><body>" + "<p>Une phrase du rapport.</p>".repeat(100) + "</body></html>";
    String expected =
        "rapport.html contains more than 1,000 characters of text, more than one source may"
            + " hold. Split it into smaller files and import them separately.";
    assertRefused(strict, "rapport.html", html.getBytes(StandardCharsets.UTF_8), expected);
    assertRefused(
        strict,
        "rapport.txt",
        "Une phrase du rapport.\n".repeat(100).getBytes(StandardCharsets.UTF_8),
        expected.replace(".html", ".txt"));
  }

  @Test
  void stopsAFileThatTakesLongerThanTheTimeLimit() {
    TikaTextExtractor hasty =
        new TikaTextExtractor(ExtractionLimits.defaults().withTimeLimit(Duration.ofMillis(1)));
    List<String> lines = Collections.nCopies(40, "Une ligne du rapport annuel.");
    assertRefused(
        hasty,
        "rapport.pdf",
        Documents.pdf(lines, ""),
        "rapport.pdf took longer than 1 ms to read and was stopped; it may be damaged or"
            + " unusually complex. Open it in its application, save it again (a PDF can be printed"
            + " to a new PDF) and import the new copy.");
  }

  @Test
  void refusesADocumentWithoutText() {
    assertRefused(
        EXTRACTOR,
        "scan.pdf",
        Documents.pdf(List.of(), ""),
        "scan.pdf contains no text to import. A scanned PDF holds pictures of pages: run text"
            + " recognition (OCR) on it first.");
  }

  private void assertRefused(
      TikaTextExtractor extractor, String name, byte[] content, String expectedMessage) {
    assertEquals(expectedMessage, refusal(extractor, name, content).getMessage());
  }

  private InvalidInputException refusal(TikaTextExtractor extractor, String name, byte[] content) {
    Path file = write(name, content);
    return assertThrows(InvalidInputException.class, () -> extractor.extract(name, file));
  }

  private Path write(String name, byte[] content) {
    try {
      Path file = Files.createTempFile(folder, "upload-", ".bin");
      Files.write(file, content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String randomLetters(long seed, int length) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }
}
