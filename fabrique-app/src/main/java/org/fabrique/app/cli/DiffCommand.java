package org.fabrique.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.fabrique.diff.DatasetDiff;
import org.fabrique.diff.cli.DiffCommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * fabrique diff OLD NEW [--key COL]... [--format json|html|md|daff] [--max-rows N] [--out FILE]:
 * delegates to the diff library's own command line, which owns its options and exit codes (0
 * identical, 1 different, 2 bad input).
 */
@Command(
    name = "diff",
    description =
        "Compare two versions of a dataset (CSV/TSV, XLSX, SAS7BDAT, Parquet) and explain the"
            + " differences as interventions. Run 'fabrique diff --help' for its options.")
public final class DiffCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "ARG")
  List<String> arguments = List.of();

  @ParentCommand FabriqueCommand root;

  @Override
  public Integer call() {
    return run(arguments, root);
  }

  /**
   * Runs the diff with its arguments (after the word {@code diff}); also called without picocli,
   * whose model of the command line the diff does not need.
   */
  static int run(List<String> arguments, FabriqueCommand root) {
    PrintWriter err = new PrintWriter(root.err(), true, StandardCharsets.UTF_8);
    try {
      // The diff refuses in English; the user reads its refusals in their language.
      return new DiffCommandLine(
              new DatasetDiff(),
              failure -> FabriqueCommand.tellWhereTheDetailsAre(failure, root.lang(), err),
              // Loads the messages only for a refusal.
              root::problem)
          .run(arguments, root.out(), root.err());
    } catch (RuntimeException e) {
      return FabriqueCommand.failed(e, root.lang(), err);
    }
  }
}
