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
import org.fabrique.diff.DatasetDiff;
import org.fabrique.diff.DiffInputException;
import org.fabrique.diff.DiffOptions;
import org.fabrique.diff.report.DiffReport;
import org.fabrique.diff.report.ReportFormat;
import org.fabrique.diff.report.ReportWriters;
import org.fabrique.diff.report.Severity;

/**
 * {@code fabrique diff OLD NEW [--key COL]... [--format json|html|md|daff] [--out FILE]}.
 *
 * <p>Exit codes: 0 when the versions are identical, 1 when they differ, 2 on bad input (bad
 * arguments, an unreadable file, or an input with errors).
 */
public final class DiffCommandLine {
  public static final int IDENTICAL = 0;
  public static final int DIFFERENT = 1;
  public static final int BAD_INPUT = 2;

  static final String USAGE =
      "Usage: fabrique diff OLD NEW [--key COL]... [--format json|html|md|daff] [--out FILE]";

  private final DatasetDiff diff;

  public DiffCommandLine() {
    this(new DatasetDiff());
  }

  public DiffCommandLine(DatasetDiff diff) {
    this.diff = diff;
  }

  private record Arguments(
      Path oldFile, Path newFile, List<String> keys, ReportFormat format, Optional<Path> out) {}

  public int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.contains("--help") || args.contains("-h")) {
      out.println(USAGE);
      return IDENTICAL;
    }
    Arguments arguments;
    try {
      arguments = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("fabrique diff: " + e.getMessage());
      err.println(USAGE);
      return BAD_INPUT;
    }
    DiffReport report;
    try {
      report =
          diff.compare(
              arguments.oldFile(),
              arguments.newFile(),
              new DiffOptions(arguments.keys(), DiffOptions.DEFAULT_DETAIL_ROWS));
    } catch (DiffInputException e) {
      err.println("fabrique diff: " + e.getMessage());
      return BAD_INPUT;
    } catch (RuntimeException e) {
      // The command line is the edge: report any failure as a message, never a stack trace.
      err.println("fabrique diff: the comparison failed: " + e);
      return BAD_INPUT;
    }
    try {
      write(report, arguments, out);
    } catch (IOException | UncheckedIOException e) {
      err.println("fabrique diff: cannot write the report: " + e.getMessage());
      return BAD_INPUT;
    }
    boolean inputErrors =
        report.problems().stream().anyMatch(problem -> problem.severity() == Severity.ERROR);
    if (inputErrors) {
      err.println("fabrique diff: the inputs have errors; see the problems listed in the report");
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
        case "--key", "--format", "--out" -> {
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
            case "--key" -> keys.add(given);
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
    return new Arguments(Path.of(positional.get(0)), Path.of(positional.get(1)), keys, format, out);
  }
}
