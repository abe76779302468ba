package org.fabrique.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.fabrique.app.Workbench;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.core.redaction.PseudonymEntry;
import org.fabrique.core.redaction.RedactionService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** fabrique redact keys --inquiry ID. */
@Command(
    name = "keys",
    description =
        "Print the key table: real values and their pseudonyms (personal data: keep it apart).")
final class RedactKeysCommand extends StoreCommand {
  /** The environment variable that may hold the passphrase of a key table file. */
  static final String PASSPHRASE_VARIABLE = "FABRIQUE_PASSPHRASE";

  private static final PassphrasePrompt PASSPHRASE =
      new PassphrasePrompt(
          PASSPHRASE_VARIABLE,
          "Passphrase of the key table: ",
          "The same passphrase again: ",
          () ->
              new InvalidInputException(
                  "Give the passphrase in " + PASSPHRASE_VARIABLE + " (no terminal to ask it on)"),
          () -> new InvalidInputException("A passphrase cannot be empty"));

  @Option(names = "--inquiry", paramLabel = "ID")
  Long inquiry;

  @Option(
      names = "--rename",
      paramLabel = "ENTRY_ID=PSEUDONYM",
      description = "Give a value another pseudonym everywhere.")
  String rename;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Write the key table to FILE, encrypted (--encrypt is required: the key table never"
              + " leaves unencrypted). The passphrase comes from "
              + PASSPHRASE_VARIABLE
              + " or is asked on the terminal.")
  Path out;

  @Option(names = "--encrypt", description = "Encrypt the file written by --out.")
  boolean encrypt;

  @Option(
      names = "--read",
      paramLabel = "FILE",
      description = "Decrypt a key table written by --out and print it.")
  Path read;

  @Spec CommandSpec spec;

  @Override
  int run(Workbench workbench) {
    RedactionService service = workbench.fabrique().redactions();
    PrintWriter printed = spec.commandLine().getOut();
    if (read != null) {
      if (inquiry != null || out != null || rename != null) {
        throw new InvalidInputException("--read takes only the file to decrypt");
      }
      List<PseudonymEntry> entries;
      try (InputStream in = Files.newInputStream(read)) {
        entries = service.readKeyTable(in, PASSPHRASE.existingPassphrase(root()));
      } catch (NoSuchFileException e) {
        throw new InvalidInputException("There is no file " + read, e);
      } catch (IOException e) {
        throw new UncheckedIOException("The key table cannot be read: " + read, e);
      }
      entries.forEach(e -> printed.println(line(e)));
      return FabriqueCommand.OK;
    }
    if (inquiry == null) {
      throw new InvalidInputException("Say which inquiry: --inquiry ID");
    }
    InquiryId id = existing(workbench, inquiry);
    if (out != null || encrypt) {
      if (out == null || !encrypt) {
        throw new InvalidInputException(
            "The key table is written only to an encrypted file: give --out FILE --encrypt");
      }
      if (rename != null) {
        throw new InvalidInputException("Rename first, then write the key table");
      }
      if (Files.exists(out)) {
        throw new InvalidInputException("The file " + out + " exists already: choose another");
      }
      char[] passphrase = PASSPHRASE.newPassphrase(root());
      Path partial = out.resolveSibling(out.getFileName() + ".partial");
      int written;
      try (OutputStream file = Files.newOutputStream(partial)) {
        written = service.writeKeyTable(id, passphrase, file);
      } catch (IOException e) {
        throw new UncheckedIOException("The key table cannot be written to " + out, e);
      } finally {
        Arrays.fill(passphrase, '\0');
      }
      try {
        Files.move(partial, out);
      } catch (IOException e) {
        throw new UncheckedIOException("The key table cannot be written to " + out, e);
      }
      Exports.export(workbench, id, "key table, encrypted", ExportProfile.INTERNAL);
      spec.commandLine()
          .getErr()
          .println(FabriqueCommand.of(spec).say("cli.redact.keys.written", written, out));
      return FabriqueCommand.OK;
    }
    if (rename != null) {
      int equals = rename.indexOf('=');
      if (equals < 1) {
        throw new InvalidInputException("--rename takes ENTRY_ID=PSEUDONYM");
      }
      long entry;
      try {
        entry = Long.parseLong(rename.substring(0, equals).strip());
      } catch (NumberFormatException e) {
        throw new InvalidInputException("--rename takes ENTRY_ID=PSEUDONYM", e);
      }
      service.renamePseudonym(id, entry, rename.substring(equals + 1));
    }
    for (PseudonymEntry e : service.keyTable(id)) {
      printed.println(line(e));
    }
    return FabriqueCommand.OK;
  }

  private static String line(PseudonymEntry e) {
    return e.id() + "\t" + e.category().id() + "\t" + e.pseudonym() + "\t" + e.value();
  }

  private FabriqueCommand root() {
    return (FabriqueCommand) spec.root().userObject();
  }
}
