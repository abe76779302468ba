package org.fabrique.diff.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.fabrique.diff.DatasetDiff;
import org.fabrique.diff.DiffInputException;
import org.fabrique.diff.DiffOptions;
import org.fabrique.diff.report.DiffReport;
import org.fabrique.diff.report.ReportFormat;
import org.fabrique.diff.report.ReportText;
import org.fabrique.diff.report.ReportWriters;
import org.fabrique.diff.report.Severity;

/**
 * {@code fabrique diff OLD NEW [--key COL]... [--format json|html|md|daff] [--max-rows N] [--out
 * FILE]}.
 *
 * <p>Exit codes: 0 when the versions are identical, 1 when they differ, 2 on bad input (bad
 * arguments, an unreadable file, or an input with errors) and on an internal error (a failure of
 * the diff itself, logged with its cause).
 */
public final class DiffCommandLine {
  public static final int IDENTICAL = 0;
  public static final int DIFFERENT = 1;
  public static final int BAD_INPUT = 2;

  static final String USAGE =
      "Usage: fabrique diff OLD NEW [--key COL]... [--format json|html|md|daff] [--max-rows N]"
          + " [--out FILE]";

  /** What {@code fabrique diff --help} prints: the usage, then each option. */
  static final String HELP =
      USAGE
          + """


          Compare two versions of a dataset and explain the differences as interventions
          (recoding, generalisation, pseudonymisation, suppression, date shifts, rows filtered…).

            OLD, NEW          the two versions: CSV or TSV, XLSX (first sheet), SAS7BDAT or
                              Parquet, recognised from their content
            --key COL         a column that identifies a row (for a key of several columns,
                              repeat it or separate them with commas: --key site,id); without
                              it the diff looks for a key, else compares whole rows
            --format FORMAT   md (the default, for a terminal), html (a page for readers),
                              json (the structured report) or daff (cell-level changes)
            --max-rows N      the most changed rows kept for the cell-level view (default 1000)
            --out FILE        write the report to FILE instead of standard output
            -h, --help        show this help

          Exit codes: 0 the versions are identical, 1 they differ, 2 bad input or internal error.""";

  /** Compares two files; {@link DatasetDiff#compare} outside tests. */
  @FunctionalInterface
  interface Comparer {
    DiffReport compare(Path oldFile, Path newFile, DiffOptions options);
  }

  private final Comparer diff;
  private final Consumer<RuntimeException> internalErrors;
  private final UnaryOperator<String> wording;

  public DiffCommandLine() {
    this(new DatasetDiff());
  }

  public DiffCommandLine(DatasetDiff diff) {
    this(diff::compare, DiffCommandLine::logInternalError, UnaryOperator.identity());
  }

  /**
   * @param internalErrors receives an unexpected failure of the diff, to log it with its cause (the
   *     user sees one line)
   */
  public DiffCommandLine(DatasetDiff diff, Consumer<RuntimeException> internalErrors) {
    this(diff::compare, internalErrors, UnaryOperator.identity());
  }

  /**
   * @param internalErrors receives an unexpected failure of the diff, to log it with its cause
   * @param wording writes a refusal or a warning of this command line, given in English, in the
   *     user's language (the English sentence when it has no other)
   */
  public DiffCommandLine(
      DatasetDiff diff, Consumer<RuntimeException> internalErrors, UnaryOperator<String> wording) {
    this(diff::compare, internalErrors, wording);
  }

  DiffCommandLine(
      Comparer diff, Consumer<RuntimeException> internalErrors, UnaryOperator<String> wording) {
    this.diff = diff;
    this.internalErrors = internalErrors;
    this.wording = wording;
  }

  /** One line on the error stream, in the user's language. */
  private void say(PrintStream err, String english) {
    err.println("fabrique diff: " + wording.apply(english));
  }

  private static void logInternalError(RuntimeException failure) {
    System.getLogger(DiffCommandLine.class.getName())
        .log(System.Logger.Level.ERROR, "Internal error of the diff", failure);
  }

  private record Arguments(
      Path oldFile,
      Path newFile,
      List<String> keys,
      ReportFormat format,
      int maxRows,
      Optional<Path> out) {}

  public int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.contains("--help") || args.contains("-h")) {
      out.println(HELP);
      return IDENTICAL;
    }
    Arguments arguments;
    try {
      arguments = parse(args);
    } catch (IllegalArgumentException e) {
      say(err, e.getMessage());
      err.println(USAGE);
      return BAD_INPUT;
    }
    DiffReport report;
    try {
      report =
          diff.compare(
              arguments.oldFile(),
              arguments.newFile(),
              new DiffOptions(arguments.keys(), arguments.maxRows()));
    } catch (DiffInputException e) {
      say(err, e.getMessage());
      return BAD_INPUT;
    } catch (RuntimeException e) {
      // Not the input's fault: a bug or a failure of the machine. One line for the user; the cause
      // goes where internalErrors puts it (the log, or a file the command line names), never a
      // stack trace on the terminal.
      internalErrors.accept(e);
      say(
          err,
          "internal error ("
              + e.getClass().getSimpleName()
              + "); the comparison could not be completed");
      return BAD_INPUT;
    }
    try {
      write(report, arguments, out);
    } catch (IOException | UncheckedIOException e) {
      say(err, "cannot write the report: " + e.getMessage());
      return BAD_INPUT;
    }
    if (report.detailSelection().truncated() && arguments.format() == ReportFormat.DAFF) {
      say(err, ReportText.detailCap(report.detailSelection()));
    }
    boolean inputErrors =
        report.problems().stream().anyMatch(problem -> problem.severity() == Severity.ERROR);
    if (inputErrors) {
      say(err, "the inputs have errors; see the problems listed in the report");
      return BAD_INPUT;
    }
    return report.identical() ? IDENTICAL : DIFFERENT;
  }

  private static void write(DiffReport report, Arguments arguments, PrintStream out)
      throws IOException {
    if (arguments.out().isPresent()) {
      try (Writer writer = Files.newBufferedWriter(arguments.out().get(), StandardCharsets.UTF_8)) {
        ReportWriters.write(report, arguments.format(), writer);
      }
    } else {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      ReportWriters.write(report, arguments.format(), writer);
      writer.flush();
    }
  }

  private static Arguments parse(List<String> args) {
    List<String> positional = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    ReportFormat format = ReportFormat.MD;
    int maxRows = DiffOptions.DEFAULT_DETAIL_ROWS;
    Optional<Path> out = Optional.empty();
    for (int index = 0; index < args.size(); index++) {
      String arg = args.get(index);
      String name = arg;
      String value = null;
      if (arg.startsWith("--") && arg.contains("=")) {
        name = arg.substring(0, arg.indexOf('='));
        value = arg.substring(arg.indexOf('=') + 1);
      }
      switch (name) {
        case "--key", "--format", "--max-rows", "--out" -> {
          if (value == null) {
            if (index + 1 >= args.size()) {
              throw new IllegalArgumentException(name + " needs a value");
            }
            value = args.get(++index);
          }
          if (value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value");
          }
          String given = value;
          switch (name) {
            case "--key" -> keys.addAll(keyColumns(given));
            case "--max-rows" -> maxRows = count(given);
            case "--format" ->
                format =
                    ReportFormat.parse(given)
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "unknown format '" + given + "' (json, html, md or daff)"));
            default -> out = Optional.of(Path.of(given));
          }
        }
        default -> {
          if (arg.startsWith("--") && arg.length() > 2) {
            throw new IllegalArgumentException("unknown option " + arg);
          }
          positional.add(arg);
        }
      }
    }
    if (positional.size() != 2) {
      throw new IllegalArgumentException(
          "expected two files, OLD and NEW, but got " + positional.size());
    }
    return new Arguments(
        Path.of(positional.get(0)), Path.of(positional.get(1)), keys, format, maxRows, out);
  }

  /** The columns of a {@code --key}: one, or several separated by commas (as on the page). */
  private static List<String> keyColumns(String given) {
    List<String> columns = new ArrayList<>();
    for (String column : given.split(",")) {
      if (!column.isBlank()) {
        columns.add(column.strip());
      }
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("--key needs a value");
    }
    return columns;
  }

  private static int count(String given) {
    try {
      int count = Integer.parseInt(given.strip());
      if (count >= 0) {
        return count;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new IllegalArgumentException(
        "--max-rows needs a number of rows (0 or more), not '" + given + "'");
  }
}
