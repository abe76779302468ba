package org.fabrique.diff.read;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.fabrique.diff.report.Severity;

/**
 * Reads Parquet files row group by row group with parquet-hadoop's local file API (no Hadoop file
 * system). Top-level primitive columns become cells; nested columns are shown as text.
 */
public final class ParquetTableReader implements TableReader {
  private final Path path;
  private final MessageType schema;
  private final List<String> header;

  private ParquetTableReader(Path path, MessageType schema, List<String> header) {
    this.path = path;
    this.schema = schema;
    this.header = header;
  }

  public static ParquetTableReader open(Path path, ProblemLog problems) {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(path))) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      List<String> names = new ArrayList<>();
      for (Type field : schema.getFields()) {
        names.add(field.getName());
        if (!field.isPrimitive()) {
          problems.columnProblem(
              field.getName(), Severity.INFO, "Nested column: its values are compared as text");
        }
      }
      return new ParquetTableReader(path, schema, HeaderRepair.repair(names, problems));
    } catch (IOException | RuntimeException e) {
      // parquet-hadoop reports a bad footer or magic number with a bare RuntimeException.
      problems.fileProblem(
          Severity.ERROR, "The Parquet file cannot be opened (truncated or corrupt file)");
      return new ParquetTableReader(path, new MessageType("empty"), List.of());
    }
  }

  @Override
  public String format() {
    return "parquet";
  }

  @Override
  public String encoding() {
    return "";
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
    long count = 0;
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(path))) {
      MessageColumnIO columnIO = new ColumnIOFactory().getColumnIO(schema);
      PageReadStore rowGroup;
      while ((rowGroup = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records =
            columnIO.getRecordReader(rowGroup, new GroupRecordConverter(schema));
        for (long row = 0; row < rowGroup.getRowCount(); row++) {
          Group group = records.read();
          count++;
          String[] cells = new String[header.size()];
          for (int column = 0; column < cells.length; column++) {
            cells[column] = text(group, column);
          }
          if (!sink.accept(cells, count)) {
            return count;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Corrupt pages surface as ParquetDecodingException or other unchecked exceptions.
      problems.rowProblem(
          "read",
          count + 1,
          Severity.ERROR,
          "Reading stopped, the Parquet file is truncated or corrupt here");
    }
    return count;
  }

  private String text(Group group, int column) {
    if (group.getFieldRepetitionCount(column) == 0) {
      return "";
    }
    Type field = schema.getType(column);
    if (!field.isPrimitive()) {
      return group.getGroup(column, 0).toString().strip();
    }
    PrimitiveType primitive = field.asPrimitiveType();
    LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
    if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
      BigInteger unscaled =
          switch (primitive.getPrimitiveTypeName()) {
            case INT32 -> BigInteger.valueOf(group.getInteger(column, 0));
            case INT64 -> BigInteger.valueOf(group.getLong(column, 0));
            default -> new BigInteger(group.getBinary(column, 0).getBytes());
          };
      return new BigDecimal(unscaled, decimal.getScale()).toPlainString();
    }
    return switch (primitive.getPrimitiveTypeName()) {
      case BOOLEAN -> Boolean.toString(group.getBoolean(column, 0));
      case INT32 ->
          logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
              ? LocalDate.ofEpochDay(group.getInteger(column, 0)).toString()
              : Integer.toString(group.getInteger(column, 0));
      case INT64 -> {
        long value = group.getLong(column, 0);
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp) {
          Instant instant =
              switch (timestamp.getUnit()) {
                case MILLIS -> Instant.ofEpochMilli(value);
                case MICROS ->
                    Instant.ofEpochSecond(
                        Math.floorDiv(value, 1_000_000L),
                        Math.floorMod(value, 1_000_000L) * 1_000L);
                case NANOS ->
                    Instant.ofEpochSecond(
                        Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
              };
          yield instant.atOffset(ZoneOffset.UTC).toLocalDateTime().toString();
        }
        yield Long.toString(value);
      }
      case FLOAT -> SasTableReader.text((double) group.getFloat(column, 0));
      case DOUBLE -> SasTableReader.text(group.getDouble(column, 0));
      case INT96 -> int96(group.getInt96(column, 0).getBytes());
      case FIXED_LEN_BYTE_ARRAY ->
          logical == null
              ? HexFormat.of().formatHex(group.getBinary(column, 0).getBytes())
              : group.getBinary(column, 0).toStringUsingUTF8();
      case BINARY -> group.getBinary(column, 0).toStringUsingUTF8();
    };
  }

  /** Legacy Impala/Spark timestamps: nanoseconds of the day, then the Julian day. */
  private static String int96(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long nanos = buffer.getLong();
    int julianDay = buffer.getInt();
    LocalDate date = LocalDate.ofEpochDay(julianDay - 2_440_588L);
    return date.atStartOfDay().plusNanos(nanos).toString();
  }
}
