package org.fabrique.core.analysis;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.fabrique.core.error.StorageException;

/** Writes a matrix as a table file: one header row, one row per matrix row. */
public interface MatrixExport {

  /** The table formats. */
  enum Format {
    CSV("csv", "text/csv; charset=utf-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String mediaType;

    Format(String extension, String mediaType) {
      this.extension = extension;
      this.mediaType = mediaType;
    }

    public String extension() {
      return extension;
    }

    public String mediaType() {
      return mediaType;
    }

    public static Optional<Format> fromId(String id) {
      String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
      return Arrays.stream(values()).filter(f -> f.extension.equals(wanted)).findFirst();
    }
  }

  /**
   * Writes the matrix, the chosen measure in each cell, to a stream (left open).
   *
   * @throws StorageException when the stream cannot be written
   */
  void write(Matrix matrix, Matrix.Measure measure, Format format, OutputStream out);

  /**
   * Writes a table of text (one header row, then its rows) to a stream (left open). Configurations
   * without table writers refuse it, as they refuse matrices.
   *
   * @throws StorageException when the stream cannot be written, or there is no table writer
   */
  default void write(TextTable table, Format format, OutputStream out) {
    throw new StorageException("Table exports are not available in this configuration");
  }

  /** An export for configurations without table writers: every call fails and says so. */
  static MatrixExport unavailable() {
    return (matrix, measure, format, out) -> {
      throw new StorageException("Table exports are not available in this configuration");
    };
  }
}
