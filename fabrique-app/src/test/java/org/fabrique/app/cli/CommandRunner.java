package org.fabrique.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process on one data directory, for tests. */
final class CommandRunner {
  record Result(int exitCode, String out, String err) {}

  private final Path dataDir;

  CommandRunner(Path dataDir) {
    this.dataDir = dataDir;
  }

  Result run(String... args) {
    return runWith(Map.of(), args);
  }

  /** Runs with these environment variables (and no others). */
  Result runWith(Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(List.of(args));
    // The diff reads its own options: it has no data directory.
    boolean diff = !all.isEmpty() && all.get(0).equals("diff");
    if (!all.contains("--data") && !all.contains("--help") && !diff) {
      all.add("--data");
      all.add(dataDir.toString());
    }
    int code =
        FabriqueCommand.run(
            all.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            environment::get);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
