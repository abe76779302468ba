package org.fabrique.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.fabrique.app.Workbench;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorImport;
import org.fabrique.core.journey.ActorRow;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.formats.table.ActorTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The actors of an inquiry as a table: listed as CSV, completed in a spreadsheet (categories,
 * institutions), and read back.
 */
@Command(
    name = "actors",
    description = "List the actors of an inquiry as a table, or set them from one.",
    subcommands = {ActorsCommand.ListActors.class, ActorsCommand.Import.class})
final class ActorsCommand {
  private ActorsCommand() {}

  /** fabrique journey actors list --inquiry ID [--real-names]. */
  @Command(
      name = "list",
      description =
          "Write the actors as CSV (pseudonym, type, category, institution), ready to be completed"
              + " and imported again; real names only with --real-names.")
  static final class ListActors extends StoreCommand {
    @Option(
        names = "--inquiry",
        required = true,
        paramLabel = "ID",
        description = "The inquiry's id (fabrique inquiry list shows them).")
    long inquiry;

    @Option(
        names = "--real-names",
        description = "Add the confidential real names (a column \"real name\").")
    boolean realNames;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      List<Actor> actors =
          workbench.fabrique().journeys().list(new InquiryId(inquiry), Actor.class).stream()
              .sorted(Comparator.comparing(Actor::pseudonym, String.CASE_INSENSITIVE_ORDER))
              .toList();
      FabriqueCommand root = (FabriqueCommand) spec.root().userObject();
      ActorTable.write(actors, realNames, root.out());
      root.out().flush();
      Exports.export(
          workbench,
          new InquiryId(inquiry),
          "actors csv",
          realNames ? ExportProfile.INTERNAL : ExportProfile.TEAM);
      return FabriqueCommand.OK;
    }
  }

  /** fabrique journey actors import --inquiry ID [--case ID] FILE. */
  @Command(
      name = "import",
      description =
          "Set actors from a table (CSV or XLSX; columns pseudonym, type, category, institution,"
              + " real name, in English or French): known pseudonyms are updated, others created;"
              + " all lines are checked first, and nothing changes unless all are right.")
  static final class Import extends StoreCommand {
    @Option(
        names = "--inquiry",
        required = true,
        paramLabel = "ID",
        description = "The inquiry's id (fabrique inquiry list shows them).")
    long inquiry;

    @Option(names = "--case", paramLabel = "ID", description = "Put the new actors in a case.")
    Long caseId;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      List<ActorRow> rows;
      try (InputStream in = Files.newInputStream(file)) {
        rows = ActorTable.read(in, file.getFileName().toString());
      } catch (NoSuchFileException e) {
        throw new InvalidInputException("There is no file " + file);
      } catch (IOException e) {
        throw new InvalidInputException(
            "Cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
      }
      ActorImport.Result result =
          workbench
              .fabrique()
              .journeys()
              .importActors(
                  workbench.fabrique().users().defaultUser().id(),
                  new InquiryId(inquiry),
                  Optional.ofNullable(caseId).map(CaseId::new),
                  rows);
      spec.commandLine()
          .getOut()
          .println(
              ((FabriqueCommand) spec.root().userObject())
                  .say(
                      "cli.actors.imported",
                      result.created(),
                      result.updated(),
                      result.unchanged()));
      return FabriqueCommand.OK;
    }
  }
}
