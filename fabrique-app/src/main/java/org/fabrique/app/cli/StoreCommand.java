package org.fabrique.app.cli;

import java.util.concurrent.Callable;
import org.fabrique.app.Workbench;
import picocli.CommandLine.Mixin;

/** A command that works on the store named by the global options. */
abstract class StoreCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Override
  public final Integer call() {
    try (Workbench workbench =
        Workbench.open(
            global.dataDir(),
            global.databaseUrl(),
            global.databaseUser(),
            global.databasePassword(),
            global.maxFileBytes())) {
      return run(workbench);
    }
  }

  /** Does the work; returns the exit code. */
  abstract int run(Workbench workbench);
}
