package org.fabrique.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.fabrique.app.Workbench;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.formats.openrefine.OpenRefineHistoryImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** OpenRefine operation histories in. */
@Command(
    name = "openrefine",
    description = "Import OpenRefine operation histories.",
    mixinStandardHelpOptions = true,
    subcommands = {OpenRefineCommand.Import.class})
public final class OpenRefineCommand {

  /** fabrique openrefine import --inquiry ID [--dataset NAME] FILE. */
  @Command(
      name = "import",
      description = "Import an operation history as observed interventions on a dataset.")
  static final class Import extends StoreCommand {
    @Option(
        names = "--inquiry",
        required = true,
        paramLabel = "ID",
        description = "The inquiry's id (fabrique inquiry list shows them).")
    long inquiry;

    @Option(names = "--case", paramLabel = "ID")
    Long caseId;

    @Option(
        names = "--dataset",
        paramLabel = "NAME",
        description = "The dataset (default: the file name).")
    String dataset;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      byte[] json;
      try {
        if (Files.size(file) > OpenRefineHistoryImporter.MAX_BYTES) {
          throw new InvalidInputException(
              file + " is larger than " + OpenRefineHistoryImporter.MAX_BYTES + " bytes");
        }
        json = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new InvalidInputException("Cannot read " + file, e);
      }
      OpenRefineHistoryImporter.Result result =
          new OpenRefineHistoryImporter(workbench.fabrique().journeys())
              .importHistory(
                  new InquiryId(inquiry),
                  Optional.ofNullable(caseId).map(CaseId::new),
                  workbench.fabrique().users().defaultUser().id(),
                  dataset,
                  file.getFileName().toString(),
                  json);
      FabriqueCommand root = (FabriqueCommand) spec.root().userObject();
      result
          .problems()
          .forEach(
              p ->
                  spec.commandLine()
                      .getErr()
                      .println(p.location() + ": " + root.problem(p.message())));
      spec.commandLine()
          .getOut()
          .println(
              root.say(
                  "cli.openrefine.imported",
                  result.interventions().size(),
                  String.valueOf(result.dataset())));
      return FabriqueCommand.OK;
    }
  }
}
