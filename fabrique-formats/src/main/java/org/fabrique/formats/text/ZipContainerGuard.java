package org.fabrique.formats.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.fabrique.core.error.InvalidInputException;

/**
 * Opens a zip-based document (docx, odt, epub…) and inflates every entry, without keeping anything,
 * before a parser sees it: refuses zip bombs (too many entries, too many bytes once inflated, an
 * entry compressed beyond belief) and entries whose names would escape a folder they were unpacked
 * into ("zip slip").
 *
 * <p>{@link ZipFile} keeps the central directory as one byte array, so even a directory of millions
 * of entries costs no more memory than the file's size before the entry count is checked.
 */
final class ZipContainerGuard {
  /** An entry is judged by its compression ratio only once it has inflated past this. */
  static final long RATIO_THRESHOLD_BYTES = 1024L * 1024;

  private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");

  private final ExtractionLimits limits;

  ZipContainerGuard(ExtractionLimits limits) {
    this.limits = limits;
  }

  /** Whether the bytes start like a zip archive (a local file header or an empty archive). */
  static boolean looksLikeZip(byte[] head) {
    return head.length >= 4
        && head[0] == 'P'
        && head[1] == 'K'
        && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
  }

  void check(String fileName, Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.size() > limits.maxZipEntries()) {
        throw refused(
            fileName,
            "holds "
                + Describe.count(zip.size())
                + " files inside, more than the "
                + Describe.count(limits.maxZipEntries())
                + " a document may have; it may be a zip bomb and was not opened");
      }
      long total = 0;
      byte[] buffer = new byte[64 * 1024];
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (escapes(entry.getName())) {
          throw refused(
              fileName,
              "contains a part whose path points outside the document (a \"zip slip\");"
                  + " it is not a genuine document and was not opened");
        }
        total += inflate(fileName, zip, entry, buffer, limits.maxZipUncompressedBytes() - total);
      }
    } catch (ZipException | IllegalArgumentException e) {
      // IllegalArgumentException: entry names that are not valid in the archive's charset.
      throw new InvalidInputException(
          fileName
              + " is damaged or incomplete and could not be opened. If it was downloaded or copied,"
              + " fetch it again; otherwise open it in its application, save it again and import"
              + " the new copy.",
          e);
    } catch (IOException e) {
      throw new InvalidInputException(
          fileName + " could not be read to the end; it may be damaged or incomplete.", e);
    }
  }

  /** Inflates one entry and returns its size; refuses it past {@code budget} bytes. */
  private long inflate(String fileName, ZipFile zip, ZipEntry entry, byte[] buffer, long budget)
      throws IOException {
    long compressed = Math.max(1, entry.getCompressedSize());
    long inflated = 0;
    try (InputStream in = zip.getInputStream(entry)) {
      int read;
      while ((read = in.read(buffer)) != -1) {
        inflated += read;
        if (inflated > budget) {
          throw refused(
              fileName,
              "would take more than "
                  + Describe.bytes(limits.maxZipUncompressedBytes())
                  + " once unpacked; it looks like a zip bomb and was not opened");
        }
        if (inflated > RATIO_THRESHOLD_BYTES
            && inflated / compressed > limits.maxZipCompressionRatio()) {
          throw refused(
              fileName,
              "contains a part compressed more than "
                  + limits.maxZipCompressionRatio()
                  + " times; it looks like a zip bomb and was not opened");
        }
      }
    }
    return inflated;
  }

  static boolean escapes(String name) {
    if (name.isEmpty()
        || name.indexOf('\0') >= 0
        || name.startsWith("/")
        || name.startsWith("\\")
        || DRIVE_LETTER.matcher(name).matches()) {
      return true;
    }
    for (String segment : name.split("[/\\\\]")) {
      if (segment.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private static InvalidInputException refused(String fileName, String problem) {
    return new InvalidInputException(fileName + " " + problem + ".");
  }
}
