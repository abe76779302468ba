package org.fabrique.diff.read;

import com.epam.parso.Column;
import com.epam.parso.SasFileReader;
import com.epam.parso.impl.SasFileReaderImpl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.fabrique.diff.DiffInputException;
import org.fabrique.diff.report.Severity;

/** Reads SAS7BDAT files with Parso. */
public final class SasTableReader implements TableReader {
  private final Path path;
  private final List<String> header;
  private final String encoding;

  private SasTableReader(Path path, List<String> header, String encoding) {
    this.path = path;
    this.header = header;
    this.encoding = encoding;
  }

  /** The first 32 bytes of every SAS7BDAT file. */
  private static final int[] SIGNATURE = {
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC2, 0xEA, 0x81, 0x60,
    0xB3, 0x14, 0x11, 0xCF, 0xBD, 0x92, 0x08, 0x00, 0x09, 0xC7, 0x31, 0x8C, 0x18, 0x1F, 0x10, 0x11
  };

  public static SasTableReader open(Path path, ProblemLog problems) {
    if (!hasSignature(path)) {
      problems.fileProblem(
          Severity.ERROR, "Not a SAS7BDAT file: its first bytes are not the SAS signature");
      return new SasTableReader(path, List.of(), "");
    }
    try (InputStream in = Files.newInputStream(path)) {
      SasFileReader reader = new SasFileReaderImpl(in);
      List<String> raw = new ArrayList<>();
      for (Column column : reader.getColumns()) {
        raw.add(column.getName());
      }
      if (raw.isEmpty()) {
        problems.fileProblem(Severity.ERROR, "The SAS file declares no columns");
      }
      String encoding = reader.getSasFileProperties().getEncoding();
      return new SasTableReader(
          path, HeaderRepair.repair(raw, problems), encoding == null ? "" : encoding);
    } catch (IOException e) {
      throw new DiffInputException("Cannot open the SAS file " + path.getFileName(), e);
    } catch (RuntimeException e) {
      // Parso reports corrupt or truncated headers with unchecked exceptions of many kinds.
      problems.fileProblem(
          Severity.ERROR, "The SAS file header cannot be read (truncated or corrupt file)");
      return new SasTableReader(path, List.of(), "");
    }
  }

  private static boolean hasSignature(Path path) {
    byte[] head = new byte[SIGNATURE.length];
    try (InputStream in = Files.newInputStream(path)) {
      if (in.readNBytes(head, 0, head.length) < head.length) {
        return false;
      }
    } catch (IOException e) {
      throw new DiffInputException("Cannot read " + path.getFileName(), e);
    }
    for (int index = 0; index < SIGNATURE.length; index++) {
      if ((head[index] & 0xFF) != SIGNATURE[index]) {
        return false;
      }
    }
    return true;
  }

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Date date) {
      var instant = date.toInstant().atOffset(ZoneOffset.UTC);
      return instant.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
          ? instant.toLocalDate().toString()
          : instant.toLocalDateTime().toString();
    }
    if (value instanceof Double number) {
      if (number.isNaN()) {
        return "";
      }
      if (number == Math.rint(number) && Math.abs(number) < 1e15) {
        return Long.toString(number.longValue());
      }
      return number.toString();
    }
    return value.toString().strip();
  }

  @Override
  public String format() {
    return "sas7bdat";
  }

  @Override
  public String encoding() {
    return encoding;
  }

  @Override
  public String delimiter() {
    return "";
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public long read(RowSink sink, ProblemLog problems) {
    if (header.isEmpty()) {
      return 0;
    }
    int width = header.size();
    long count = 0;
    try (InputStream in = Files.newInputStream(path)) {
      SasFileReader reader = new SasFileReaderImpl(in);
      long declared = reader.getSasFileProperties().getRowCount();
      Object[] values;
      while ((values = reader.readNext()) != null) {
        count++;
        String[] cells = new String[width];
        for (int index = 0; index < width; index++) {
          cells[index] = index < values.length ? text(values[index]) : "";
        }
        if (!sink.accept(cells, count)) {
          return count;
        }
      }
      if (count < declared) {
        problems.fileProblem(
            Severity.ERROR,
            "The SAS file declares "
                + declared
                + " rows but only "
                + count
                + " could be read (truncated file?)");
      }
    } catch (IOException e) {
      problems.rowProblem("read", count + 1, Severity.ERROR, "Reading stopped: " + e.getMessage());
    } catch (RuntimeException e) {
      // Parso signals truncated pages with unchecked exceptions; the rows read so far are kept.
      problems.rowProblem(
          "read",
          count + 1,
          Severity.ERROR,
          "Reading stopped, the SAS file is truncated or corrupt here");
    }
    return count;
  }
}
