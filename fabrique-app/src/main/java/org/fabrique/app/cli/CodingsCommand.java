package org.fabrique.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fabrique.app.Workbench;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.core.redaction.ExportProfiles;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.formats.table.CodingsCsvExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Exports codings. */
@Command(
    name = "codings",
    description = "Export the codings of an inquiry.",
    mixinStandardHelpOptions = true,
    subcommands = {CodingsCommand.Export.class})
public final class CodingsCommand {

  /** fabrique codings export --inquiry ID --format csv FILE. */
  @Command(name = "export", description = "Write every coding as a table (one row per coding).")
  static final class Export extends StoreCommand {
    @Option(
        names = "--inquiry",
        required = true,
        paramLabel = "ID",
        description = "The inquiry's id (fabrique inquiry list shows them).")
    long inquiry;

    @Option(names = "--format", defaultValue = "csv", description = "Only csv for now (default).")
    String format;

    @Option(
        names = "--without-quotes",
        description = "Leave out the quoted text of the field material.")
    boolean withoutQuotes;

    @Option(
        names = "--profile",
        defaultValue = "team",
        description =
            "Redaction profile: internal (as stored), team (accepted pseudonyms, secret sources"
                + " left out) or public (all redactions, confidential and secret sources left out)"
                + " (default: ${DEFAULT-VALUE}). What was redacted is written to FILE.report.md.")
    String profile;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      if (!"csv".equals(format)) {
        throw new InvalidInputException("Unknown format " + format + ": codings export as csv");
      }
      ExportProfile chosen = ExportProfiles.choose(profile);
      CodingsCsvExporter exporter = new CodingsCsvExporter(workbench.fabrique());
      ExportScope scope = workbench.fabrique().redactions().scope(new InquiryId(inquiry), chosen);
      int count;
      try (OutputStream out = Files.newOutputStream(file)) {
        count =
            withoutQuotes
                ? exporter.writeWithoutQuotes(new InquiryId(inquiry), scope, out)
                : exporter.write(new InquiryId(inquiry), scope, out);
      } catch (IOException e) {
        throw new StorageException("Could not write " + file, e);
      }
      FabriqueCommand root = (FabriqueCommand) spec.root().userObject();
      Path report = RedactionReport.writeBeside(root, file, "cli.export.codings", scope);
      Exports.export(
          workbench,
          new InquiryId(inquiry),
          withoutQuotes ? "codings csv without quotes" : "codings csv",
          chosen);
      spec.commandLine()
          .getErr()
          .println(root.say("cli.codings.exported", count, file, chosen.name(), report));
      return FabriqueCommand.OK;
    }
  }
}
