package org.fabrique.bench.diff;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fabrique.diff.DatasetDiff;
import org.fabrique.diff.DiffOptions;
import org.fabrique.diff.report.DiffReport;
import org.fabrique.diff.report.JsonReports;

/** The tools measured, each run once on a pair of files; a result says what it found. */
final class Competitors {
  private static final String[] COMPARED = {
    "patient_id",
    "date_of_birth",
    "age",
    "sex",
    "postcode",
    "diagnosis",
    "site",
    "weight_kg",
    "consent"
  };

  private Competitors() {}

  /** Parses both files once with FastCSV on one thread, touching every field: the limit. */
  static String parse(Path oldFile, Path newFile) throws IOException {
    long fields = 0;
    for (Path file : List.of(oldFile, newFile)) {
      try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
        for (CsvRecord record : csv) {
          for (int index = 0; index < record.getFieldCount(); index++) {
            fields += record.getField(index).length() > 0 ? 1 : 0;
          }
        }
      }
    }
    return fields + " non-empty fields";
  }

  static String fabrique(Path oldFile, Path newFile) {
    DiffReport report =
        new DatasetDiff().compare(oldFile, newFile, DiffOptions.withKey(List.of("id")));
    int json = JsonReports.toJson(report).length();
    return report.rows().removed()
        + " removed, "
        + report.rows().added()
        + " added, "
        + report.rows().changed()
        + " changed; "
        + report.interventions().size()
        + " interventions: "
        + report.interventions().stream()
            .map(intervention -> intervention.type() + intervention.columns())
            .toList()
        + " ("
        + json
        + " chars of JSON)";
  }

  static String duckdb(Path oldFile, Path newFile) throws SQLException {
    StringBuilder differs = new StringBuilder();
    for (String column : COMPARED) {
      differs
          .append(differs.length() == 0 ? "" : " OR ")
          .append("o.")
          .append(column)
          .append(" IS DISTINCT FROM n.")
          .append(column);
    }
    String sql =
        "SELECT count(*) FILTER (WHERE o.id IS NULL), count(*) FILTER (WHERE n.id IS NULL), "
            + "count(*) FILTER (WHERE o.id IS NOT NULL AND n.id IS NOT NULL AND ("
            + differs
            + ")) "
            + "FROM read_csv('"
            + oldFile
            + "', all_varchar = true) o FULL OUTER JOIN read_csv('"
            + newFile
            + "', all_varchar = true) n ON o.id = n.id";
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET threads = 2");
      try (ResultSet result = statement.executeQuery(sql)) {
        result.next();
        return result.getLong(2)
            + " removed, "
            + result.getLong(1)
            + " added, "
            + result.getLong(3)
            + " changed";
      }
    }
  }

  static final String PANDAS_SCRIPT =
      String.join(
          "\n",
          "import sys, pandas as pd",
          "o = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)",
          "n = pd.read_csv(sys.argv[2], dtype=str, keep_default_na=False)",
          "m = o.merge(n, on='id', how='outer', suffixes=('_o', '_n'), indicator=True)",
          "both = m[m['_merge'] == 'both']",
          "cols = [c for c in o.columns if c != 'id']",
          "changed = (both[[c + '_o' for c in cols]].values != both[[c + '_n' for c in cols]].values).any(axis=1).sum()",
          "print(int((m['_merge'] == 'left_only').sum()), 'removed,', int((m['_merge'] == 'right_only').sum()), 'added,', int(changed), 'changed')",
          "");

  static List<String> pandasCommand(String python, Path script, Path oldFile, Path newFile) {
    return List.of(python, script.toString(), oldFile.toString(), newFile.toString());
  }

  /**
   * {@code fabrique diff OLD NEW --key id --out REPORT} through the launcher, as a user runs it:
   * the Markdown report (the command's default) written to a file.
   */
  static List<String> commandLine(String launcher, Path oldFile, Path newFile, Path report) {
    return List.of(
        launcher,
        "diff",
        oldFile.toString(),
        newFile.toString(),
        "--key",
        "id",
        "--out",
        report.toString());
  }

  /** The line of a Markdown report that counts interventions and rows. */
  static String headline(Path report) throws IOException {
    if (!Files.exists(report)) {
      throw new BenchmarkFailure("no report written");
    }
    try (var lines = Files.lines(report)) {
      return lines.filter(line -> line.contains("interventions")).findFirst().orElse("");
    }
  }

  static List<String> daffCommand(String daff, Path oldFile, Path newFile, Path output) {
    return List.of(
        daff,
        "diff",
        "--id",
        "id",
        "--output",
        output.toString(),
        oldFile.toString(),
        newFile.toString());
  }

  /**
   * What a command printed last, its first error line (or its last line), and its peak resident
   * memory (0 when not measured).
   */
  record Outcome(String lastLine, String error, long peakKilobytes) {}

  private static final String PEAK = "fabrique-bench-peak-kb ";
  private static final Path TIME = Path.of("/usr/bin/time");

  /**
   * Runs a command, under {@code /usr/bin/time} when it is there to read its peak memory; its
   * result is its last line of output, or why it did not finish.
   */
  static Outcome external(List<String> command, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("fabrique-bench", ".log");
    List<String> timed = new ArrayList<>();
    if (Files.isExecutable(TIME)) {
      timed.addAll(List.of(TIME.toString(), "-f", PEAK + "%M"));
    }
    timed.addAll(command);
    Process process =
        new ProcessBuilder(timed).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        throw new BenchmarkFailure("timed out after " + timeoutSeconds + " s");
      }
      List<String> lines = new ArrayList<>(Files.readAllLines(log));
      long peak = 0;
      for (int index = lines.size() - 1; index >= 0; index--) {
        if (lines.get(index).startsWith(PEAK)) {
          peak = Long.parseLong(lines.remove(index).substring(PEAK.length()).strip());
          break;
        }
      }
      lines.removeIf(line -> line.startsWith("Command exited with non-zero status"));
      String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
      if (process.exitValue() > 1) {
        throw new BenchmarkFailure("exit code " + process.exitValue() + ": " + last);
      }
      String error = lines.stream().filter(line -> line.contains("Error")).findFirst().orElse(last);
      return new Outcome(last, error.strip(), peak);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** A tool that did not finish. */
  static final class BenchmarkFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BenchmarkFailure(String message) {
      super(message);
    }
  }
}
