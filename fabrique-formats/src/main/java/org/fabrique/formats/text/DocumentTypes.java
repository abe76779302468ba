package org.fabrique.formats.text;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.mime.MediaType;

/**
 * What Fabrique makes of a detected media type: plain text it decodes itself, a document Tika
 * reads, or something that is not a document at all (an archive, a program, a picture…). Also the
 * words messages use for each type.
 */
final class DocumentTypes {
  static final MediaType PDF = MediaType.application("pdf");

  private static final Set<String> PLAIN_TEXT =
      Set.of(
          "text/plain",
          "text/markdown",
          "text/x-markdown",
          "text/x-web-markdown",
          "text/csv",
          "text/tab-separated-values");

  private static final Map<String, String> DESCRIPTIONS =
      Map.ofEntries(
          Map.entry("application/pdf", "a PDF document"),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "a Word document"),
          Map.entry("application/msword", "a Word document"),
          Map.entry("application/x-tika-msoffice", "an Office document"),
          Map.entry("application/x-tika-ooxml", "an Office document"),
          Map.entry("application/x-tika-ooxml-protected", "an Office document"),
          Map.entry("application/vnd.oasis.opendocument.text", "an OpenDocument text"),
          Map.entry("application/rtf", "an RTF document"),
          Map.entry("text/html", "a web page"),
          Map.entry("application/xhtml+xml", "a web page"),
          Map.entry("application/epub+zip", "an EPUB book"));

  private static final Map<String, String> ARCHIVES =
      Map.ofEntries(
          Map.entry("application/zip", "a ZIP archive"),
          Map.entry("application/x-tar", "a TAR archive"),
          Map.entry("application/gzip", "a compressed (gzip) file"),
          Map.entry("application/x-gzip", "a compressed (gzip) file"),
          Map.entry("application/x-bzip2", "a compressed (bzip2) file"),
          Map.entry("application/x-xz", "a compressed (xz) file"),
          Map.entry("application/zstd", "a compressed (zstd) file"),
          Map.entry("application/x-lzma", "a compressed (lzma) file"),
          Map.entry("application/x-compress", "a compressed file"),
          Map.entry("application/x-7z-compressed", "a 7-Zip archive"),
          Map.entry("application/x-rar-compressed", "a RAR archive"),
          Map.entry("application/vnd.rar", "a RAR archive"),
          Map.entry("application/x-archive", "an archive"),
          Map.entry("application/x-cpio", "an archive"),
          Map.entry("application/vnd.ms-cab-compressed", "a cabinet archive"),
          Map.entry("application/x-iso9660-image", "a disk image"),
          Map.entry("application/x-apple-diskimage", "a disk image"));

  private static final Map<String, String> OTHER_FILES =
      Map.ofEntries(
          Map.entry("application/java-archive", "a Java program"),
          Map.entry("application/java-vm", "a Java program"),
          Map.entry("application/x-java-jnlp-file", "a Java program"),
          Map.entry("application/vnd.android.package-archive", "an Android application"),
          Map.entry("application/x-msdownload", "a program"),
          Map.entry("application/x-dosexec", "a program"),
          Map.entry("application/x-ms-installer", "an installer"),
          Map.entry("application/x-msi", "an installer"),
          Map.entry("application/x-executable", "a program"),
          Map.entry("application/x-elf", "a program"),
          Map.entry("application/x-sharedlib", "a program library"),
          Map.entry("application/x-mach-o-executable", "a program"),
          Map.entry("application/x-sh", "a shell script"),
          Map.entry("application/x-sqlite3", "a database"),
          Map.entry("application/octet-stream", "a file of unknown type"));

  private DocumentTypes() {}

  static boolean isPlainText(MediaType type) {
    return PLAIN_TEXT.contains(type.getBaseType().toString());
  }

  /**
   * What to tell the user about a file that is not a document ("is a ZIP archive, not a
   * document…"), or nothing for a document.
   */
  static Optional<String> whyNotADocument(MediaType type) {
    String base = type.getBaseType().toString();
    String archive = ARCHIVES.get(base);
    if (archive != null) {
      return Optional.of(
          "is "
              + archive
              + ", not a document. Unpack it and import the documents it holds one by one.");
    }
    String kind = OTHER_FILES.get(base);
    if (kind == null) {
      kind =
          switch (type.getType()) {
            case "image" -> "an image";
            case "audio" -> "a sound recording";
            case "video" -> "a video";
            case "font" -> "a font";
            default -> null;
          };
    }
    return Optional.ofNullable(kind)
        .map(
            k ->
                "is "
                    + k
                    + ", not a document. Fabrique imports the text of documents: txt, md,"
                    + " docx, odt, rtf, pdf, html, epub.");
  }

  /** "a PDF document", "a Word document"…, or "a document of type x/y". */
  static String describe(MediaType type) {
    String base = type.getBaseType().toString();
    return DESCRIPTIONS.getOrDefault(base, "a document of type " + base);
  }
}
