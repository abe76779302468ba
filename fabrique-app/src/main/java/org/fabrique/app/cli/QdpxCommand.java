package org.fabrique.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.fabrique.app.Workbench;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.exchange.ExchangeReport;
import org.fabrique.core.exchange.ImportedProject;
import org.fabrique.core.inquiry.InquiryId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** REFI-QDA projects (.qdpx) in and out. */
@Command(
    name = "qdpx",
    description = "Exchange whole projects with other QDA software (REFI-QDA .qdpx).",
    mixinStandardHelpOptions = true,
    subcommands = {QdpxCommand.Import.class, QdpxCommand.Export.class})
public final class QdpxCommand {

  /** fabrique qdpx import FILE [--name NAME]. */
  @Command(
      name = "import",
      description =
          "Create an inquiry from a .qdpx (or a bare .qde), or from a QualCoder project folder"
              + " (NAME.qda, or the data.qda in it), and print its id. The data-loss report is"
              + " written beside the file (FILE.report.md, or FILE.report-2.md… when one is"
              + " there already).")
  static final class Import extends StoreCommand {
    @Option(names = "--name", paramLabel = "NAME", description = "Name of the new inquiry.")
    String name;

    @Parameters(
        index = "0",
        paramLabel = "FILE",
        description = "A .qdpx or .qde file, or a QualCoder project folder (NAME.qda).")
    Path file;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      var fabrique = workbench.fabrique();
      FabriqueCommand root = (FabriqueCommand) spec.root().userObject();
      ImportedProject imported =
          ExchangeOutput.refusalTold(
              root,
              file,
              () ->
                  fabrique
                      .qda()
                      .importProject(
                          file,
                          Optional.ofNullable(name),
                          fabrique.users().defaultUser().id(),
                          ImportProgress.NONE));
      spec.commandLine().getOut().println(imported.inquiryId());
      ExchangeOutput.summary(root, spec.commandLine().getErr(), file, imported.report());
      return FabriqueCommand.OK;
    }
  }

  /** fabrique qdpx export --inquiry ID FILE. */
  @Command(
      name = "export",
      description =
          "Write an inquiry as a .qdpx, valid against the REFI-QDA project schema, under a"
              + " redaction profile (originals of sources only under internal). The data-loss"
              + " report is written beside the file.")
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
          workbench
              .fabrique()
              .qda()
              .exportProject(id, file, profile.scope(workbench, id), ImportProgress.NONE);
      Exports.export(workbench, id, "project qdpx", profile.profile());
      ExchangeOutput.summary(
          (FabriqueCommand) spec.root().userObject(), spec.commandLine().getErr(), file, report);
      return FabriqueCommand.OK;
    }
  }
}
