package org.fabrique.diff.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import org.fabrique.diff.DiffInputException;

/** Opens a table with the reader its content calls for. */
public final class TableReaders {
  private TableReaders() {}

  public static TableReader open(Path path, ProblemLog problems) {
    if (!Files.isRegularFile(path)) {
      throw new DiffInputException("No such file: " + path);
    }
    if (!Files.isReadable(path)) {
      throw new DiffInputException("Cannot read " + path);
    }
    byte[] magic = new byte[8];
    int length;
    try (InputStream in = Files.newInputStream(path)) {
      length = in.readNBytes(magic, 0, magic.length);
    } catch (IOException e) {
      throw new DiffInputException("Cannot read " + path, e);
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (length == 0) {
      throw new DiffInputException(emptyMessage(path));
    }
    if (length >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
      java.util.Set<String> entries = zipEntries(path);
      if (name.endsWith(".docx")
          || name.endsWith(".docm")
          || entries != null && entries.contains("word/document.xml")) {
        throw new DiffInputException(path.getFileName() + " is a Word document, not a table");
      }
      // Other tools write zip archives too (a REFI-QDA project, an OpenDocument file): only one
      // that holds a workbook is read as one. A damaged archive is left to the workbook's reader,
      // which says it cannot open it.
      if (entries != null && !entries.contains("xl/workbook.xml")) {
        throw new DiffInputException(
            path.getFileName() + " is a zip archive with no workbook in it, not a table");
      }
      return XlsxTableReader.open(path, problems);
    }
    if (name.endsWith(".sas7bdat")) {
      return SasTableReader.open(path, problems);
    }
    if (length >= 4 && magic[0] == 'P' && magic[1] == 'A' && magic[2] == 'R' && magic[3] == '1') {
      return ParquetTableReader.open(path, problems);
    }
    if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
      throw new DiffInputException("Not an XLSX workbook: " + path.getFileName());
    }
    return CsvTableReader.open(path, problems);
  }

  /** The names of the entries of a zip archive, or null when it cannot be opened as one. */
  private static java.util.Set<String> zipEntries(Path path) {
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(path.toFile())) {
      return zip.stream().map(java.util.zip.ZipEntry::getName).collect(Collectors.toSet());
    } catch (IOException e) {
      return null;
    }
  }

  /** The one message for a file with no table in it. */
  static String emptyMessage(Path path) {
    return path.getFileName() + " is empty: it holds no table to compare";
  }
}
