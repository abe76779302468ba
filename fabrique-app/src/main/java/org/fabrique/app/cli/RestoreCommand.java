package org.fabrique.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fabrique.app.Workbench;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.store.backup.BackupManifest;
import org.fabrique.store.backup.Restore;
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
    Restore.Target target =
        new Restore.Target(global.databaseUrl(), global.databaseUser(), global.databasePassword());
    BackupManifest manifest;
    try {
      manifest = Restore.restore(file, Optional.empty(), global.dataDir(), target);
    } catch (org.fabrique.core.error.InvalidInputException e) {
      if (!e.getMessage().contains("This backup is encrypted")) {
        throw e;
      }
      manifest =
          Restore.restore(
              file, Optional.of(BackupCommand.passphrase(false)), global.dataDir(), target);
    }
    int reindexed = 0;
    try (Workbench workbench =
        Workbench.open(
            global.dataDir(),
            global.databaseUrl(),
            global.databaseUser(),
            global.databasePassword(),
            global.maxFileBytes())) {
      for (Inquiry inquiry : workbench.fabrique().inquiries().list()) {
        workbench.fabrique().search().reindex(inquiry.id());
        reindexed++;
      }
    }
    spec.commandLine()
        .getOut()
        .println(
            "Restored "
                + manifest.rowCount()
                + " rows and "
                + manifest.blobCount()
                + " stored files into "
                + global.dataDir()
                + "; "
                + reindexed
                + " inquiry index(es) rebuilt");
    return FabriqueCommand.OK;
  }
}
