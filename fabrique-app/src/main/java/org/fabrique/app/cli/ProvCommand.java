package org.fabrique.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fabrique.app.Workbench;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.formats.journey.JourneySnapshot;
import org.fabrique.formats.journey.JourneySnapshots;
import org.fabrique.formats.journey.RedactionProfile;
import org.fabrique.formats.prov.ProvExporter;
import org.fabrique.formats.prov.ProvFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** W3C PROV export of journeys. */
@Command(
    name = "prov",
    description = "Export journeys as W3C PROV.",
    mixinStandardHelpOptions = true,
    subcommands = {ProvCommand.Export.class})
public final class ProvCommand {

  /** fabrique prov export --inquiry ID --format provn|json|jsonld|ttl FILE. */
  @Command(
      name = "export",
      description =
          "Write the journeys of an inquiry (one bundle per case) with pseudonyms only and"
              + " evidence as checksums.")
  static final class Export extends StoreCommand {
    @Option(
        names = "--inquiry",
        required = true,
        paramLabel = "ID",
        description = "The inquiry's id (fabrique inquiry list shows them).")
    long inquiry;

    @Option(names = "--case", paramLabel = "ID", description = "Only this case's journey.")
    Long caseId;

    @Option(
        names = "--format",
        defaultValue = "provn",
        description = "provn, json, jsonld or ttl (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin ProfileOption profile;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      ProvFormat provFormat =
          ProvFormat.fromId(format)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "Unknown format " + format + ": provn, json, jsonld or ttl"));
      JourneySnapshot snapshot =
          JourneySnapshots.of(workbench.fabrique(), existing(workbench, inquiry));
      if (caseId != null) {
        snapshot = snapshot.ofCase(new CaseId(caseId));
      }
      ExportScope scope = profile.scope(workbench, new InquiryId(inquiry));
      try (OutputStream out = Files.newOutputStream(file)) {
        new ProvExporter().write(snapshot, RedactionProfile.of(scope), provFormat, out);
      } catch (IOException e) {
        throw new StorageException("Could not write " + file, e);
      }
      FabriqueCommand root = (FabriqueCommand) spec.root().userObject();
      RedactionReport.writeBeside(root, file, "cli.export.prov", scope);
      Exports.export(workbench, new InquiryId(inquiry), "PROV " + provFormat.id(), scope.profile());
      spec.commandLine()
          .getErr()
          .println(root.say("cli.prov.exported", snapshot.elements().size(), file));
      return FabriqueCommand.OK;
    }
  }
}
