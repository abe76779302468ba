package org.fabrique.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.fabrique.app.Workbench;
import org.fabrique.core.error.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** fabrique backup --out FILE [--encrypt]. */
@Command(
    name = "backup",
    description =
        "Write a consistent backup of the database, the stored files and the settings, while"
            + " Fabrique keeps running. With --encrypt, the backup is encrypted with a passphrase"
            + " (from FABRIQUE_BACKUP_PASSPHRASE, or asked on the terminal).",
    mixinStandardHelpOptions = true)
public final class BackupCommand extends StoreCommand {
  /** The environment variable that may hold the passphrase of a backup. */
  static final String PASSPHRASE_VARIABLE = "FABRIQUE_BACKUP_PASSPHRASE";

  @Option(names = "--out", required = true, paramLabel = "FILE")
  Path out;

  @Option(names = "--encrypt", description = "Encrypt the backup with a passphrase.")
  boolean encrypt;

  @Spec CommandSpec spec;

  @Override
  int run(Workbench workbench) {
    FabriqueCommand root = (FabriqueCommand) spec.root().userObject();
    Optional<char[]> passphrase = encrypt ? Optional.of(newPassphrase(root)) : Optional.empty();
    Workbench.BackupSummary manifest = workbench.backup(out, passphrase);
    Exports.backup(workbench, encrypt);
    spec.commandLine()
        .getOut()
        .println(
            root.say(
                encrypt ? "cli.backup.done.encrypted" : "cli.backup.done.plain",
                out,
                manifest.rows(),
                manifest.tables(),
                manifest.storedFiles(),
                manifest.schemaVersion()));
    return FabriqueCommand.OK;
  }

  /** The passphrase of a new backup, from the environment or asked twice on the terminal. */
  static char[] newPassphrase(FabriqueCommand root) {
    return prompt(root).newPassphrase(root);
  }

  /** The passphrase of an existing backup, from the environment or the terminal. */
  static char[] existingPassphrase(FabriqueCommand root) {
    return prompt(root).existingPassphrase(root);
  }

  private static PassphrasePrompt prompt(FabriqueCommand root) {
    return new PassphrasePrompt(
        PASSPHRASE_VARIABLE,
        root.say("cli.backup.passphrase") + " ",
        root.say("cli.backup.passphrase.again") + " ",
        () ->
            new InvalidInputException(
                "Give the backup passphrase in "
                    + PASSPHRASE_VARIABLE
                    + " (no terminal to ask it on)"),
        () -> new InvalidInputException("A backup passphrase cannot be empty"));
  }
}
