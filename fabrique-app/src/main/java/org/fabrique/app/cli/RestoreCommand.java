package org.fabrique.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fabrique.app.Workbench;
import org.fabrique.core.error.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** fabrique restore FILE --data DIR [--db URL]. */
@Command(
    name = "restore",
    description =
        "Restore a backup onto an empty data directory (and, with --db, an empty PostgreSQL"
            + " database). Everything is checked before anything is written; the search indexes"
            + " are then rebuilt. The passphrase of an encrypted backup comes from"
            + " FABRIQUE_BACKUP_PASSPHRASE or is asked on the terminal.",
    mixinStandardHelpOptions = true)
public final class RestoreCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Parameters(index = "0", paramLabel = "FILE")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Workbench.BackupSummary restored;
    try {
      restored = restore(Optional.empty());
    } catch (InvalidInputException e) {
      if (!e.getMessage().contains("This backup is encrypted")) {
        throw e;
      }
      restored = restore(Optional.of(BackupCommand.existingPassphrase(root())));
    }
    spec.commandLine()
        .getOut()
        .println(
            root()
                .say(
                    "cli.restore.done", restored.rows(), restored.storedFiles(), global.dataDir()));
    return FabriqueCommand.OK;
  }

  private FabriqueCommand root() {
    return (FabriqueCommand) spec.root().userObject();
  }

  private Workbench.BackupSummary restore(Optional<char[]> passphrase) {
    return Workbench.restore(
        file,
        passphrase,
        global.dataDir(),
        global.databaseUrl(),
        global.databaseUser(),
        global.databasePassword());
  }
}
