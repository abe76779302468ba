package org.fabrique.app.cli;

import java.nio.file.Path;
import org.fabrique.app.Workbench;
import org.fabrique.core.exchange.ExchangeReport;
import org.fabrique.core.inquiry.InquiryId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** REFI-QDA codebooks (.qdc) in and out. */
@Command(
    name = "qdc",
    description = "Exchange codebooks with other QDA software (REFI-QDA .qdc).",
    mixinStandardHelpOptions = true,
    subcommands = {QdcCommand.Import.class, QdcCommand.Export.class})
public final class QdcCommand {

  /** fabrique qdc import --inquiry ID FILE. */
  @Command(
      name = "import",
      description =
          "Add the codes and code sets of a codebook to an inquiry (one undoable step); codes the"
              + " inquiry already has (same GUID) are kept as they are.")
  static final class Import extends StoreCommand {
    @Option(
        names = "--inquiry",
        required = true,
        paramLabel = "ID",
        description = "The inquiry's id (fabrique inquiry list shows them).")
    long inquiry;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      var fabrique = workbench.fabrique();
      FabriqueCommand root = (FabriqueCommand) spec.root().userObject();
      ExchangeReport report =
          ExchangeOutput.refusalTold(
              root,
              file,
              () ->
                  fabrique
                      .qda()
                      .importCodebook(
                          new InquiryId(inquiry), fabrique.users().defaultUser().id(), file));
      ExchangeOutput.summary(root, spec.commandLine().getErr(), file, report);
      return FabriqueCommand.OK;
    }
  }

  /** fabrique qdc export --inquiry ID FILE. */
  @Command(
      name = "export",
      description =
          "Write the codebook of an inquiry as a .qdc, with its code sets, under a redaction"
              + " profile.")
  static final class Export extends StoreCommand {
    @Option(
        names = "--inquiry",
        required = true,
        paramLabel = "ID",
        description = "The inquiry's id (fabrique inquiry list shows them).")
    long inquiry;

    @Mixin ProfileOption profile;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      InquiryId id = new InquiryId(inquiry);
      ExchangeReport report =
          workbench.fabrique().qda().exportCodebook(id, file, profile.scope(workbench, id));
      Exports.export(workbench, id, "codebook qdc", profile.profile());
      ExchangeOutput.summary(
          (FabriqueCommand) spec.root().userObject(), spec.commandLine().getErr(), file, report);
      return FabriqueCommand.OK;
    }
  }
}
