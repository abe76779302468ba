package org.fabrique.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fabrique.app.Workbench;
import org.fabrique.core.analysis.JourneyAnalytics;
import org.fabrique.core.analysis.Matrix;
import org.fabrique.core.analysis.MatrixExport;
import org.fabrique.core.analysis.TextTable;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.query.JourneyQueries;
import org.fabrique.core.journey.query.JourneyQuery;
import org.fabrique.core.journey.query.JourneyRow;
import org.fabrique.core.journey.query.QueryTables;
import org.fabrique.core.journey.query.SavedQuery;
import org.fabrique.core.redaction.ExportScope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Questions asked of journeys, saved queries and the categories of actors. */
@Command(
    name = "journey",
    description =
        "Ask questions of the journeys of an inquiry; set the category of actors, one by one or"
            + " from a table.",
    mixinStandardHelpOptions = true,
    subcommands = {
      JourneyCommand.Query.class,
      JourneyCommand.Queries.class,
      JourneyCommand.SetActor.class,
      ActorsCommand.class
    })
public final class JourneyCommand {
  private JourneyCommand() {}

  /** fabrique journey query --inquiry ID [filters] [--format F] [--count-by domain|case]. */
  @Command(
      name = "query",
      description =
          "Find journey elements (choices, tensions, interventions…) by any combination of"
              + " filters, with their rationale, actors and roles, and the quotes of their"
              + " evidence (source, speaker, position). Values of a filter are separated by"
              + " commas; an element passes every filter given.")
  static final class Query extends StoreCommand {
    @Option(names = "--inquiry", required = true, paramLabel = "ID")
    long inquiry;

    @Option(
        names = "--kind",
        split = ",",
        paramLabel = "KIND",
        description = "choice, tension, intervention, use, procedure, claim, data-object, actor.")
    List<String> kind;

    @Option(
        names = "--dimension",
        split = ",",
        paramLabel = "DIM",
        description =
            "nature, knowledge, uses, regulation (for other elements than choices: "
                + "the dimensions of the choices linked to them).")
    List<String> dimension;

    @Option(names = "--intervention-type", split = ",", paramLabel = "TYPE")
    List<String> interventionType;

    @Option(
        names = "--domain",
        split = ",",
        paramLabel = "DOMAIN",
        description = "cohort, genomics, ai-model, registry…")
    List<String> domain;

    @Option(names = "--case", split = ",", paramLabel = "ID")
    List<String> cases;

    @Option(
        names = "--actor-category",
        split = ",",
        paramLabel = "CATEGORY",
        description =
            "Some actor of the element is of one of these categories (researcher,"
                + " lawyer, ethics-committee…).")
    List<String> actorCategory;

    @Option(
        names = "--not-actor-category",
        split = ",",
        paramLabel = "CATEGORY",
        description = "The element has actors and none is of these categories.")
    List<String> notActorCategory;

    @Option(
        names = "--role",
        split = ",",
        paramLabel = "ROLE",
        description =
            "Only the actors in these roles count for the actor filters: a role of the"
                + " roles vocabulary, or decided, proposed, position, requested, issued.")
    List<String> role;

    @Option(names = "--actor", split = ",", paramLabel = "ID")
    List<String> actor;

    @Option(names = "--decision-mode", split = ",", paramLabel = "MODE")
    List<String> decisionMode;

    @Option(names = "--resolution-mode", split = ",", paramLabel = "MODE")
    List<String> resolutionMode;

    @Option(names = "--status", split = ",", paramLabel = "STATUS")
    List<String> status;

    @Option(
        names = "--known-by",
        split = ",",
        paramLabel = "HOW",
        description = "observed, declared, reconstructed, disputed.")
    List<String> knownBy;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD")
    List<String> from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD")
    List<String> to;

    @Option(names = "--evidence", paramLabel = "with|without")
    List<String> evidence;

    @Option(
        names = "--code",
        split = ",",
        paramLabel = "ID",
        description = "Some evidence of the element is coded with one of these codes.")
    List<String> code;

    @Option(
        names = "--concerning",
        split = ",",
        paramLabel = "ID",
        description = "The element is, or is linked to, one of these elements (a dataset…).")
    List<String> concerning;

    @Option(
        names = "--saved",
        paramLabel = "NAME",
        description = "Start from the query saved under this name; filters given replace its own.")
    String saved;

    @Option(
        names = "--save",
        paramLabel = "NAME",
        description = "Save the query under this name in the inquiry (replacing one of that name).")
    String save;

    @Option(
        names = "--count-by",
        paramLabel = "domain|case",
        description =
            "Print counts by domain or case (in all, and by actor category) instead of"
                + " the elements.")
    String countBy;

    @Option(
        names = "--format",
        defaultValue = "table",
        description = "table, csv, xlsx, md or json (default: table).")
    String format;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write to this file instead of the standard output (needed for xlsx).")
    Path output;

    @Mixin ProfileOption profile;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      String wanted = format.strip().toLowerCase(Locale.ROOT);
      if (!List.of("table", "csv", "xlsx", "md", "json").contains(wanted)) {
        throw new InvalidInputException(
            "Unknown format " + format + ": table, csv, xlsx, md or json");
      }
      if ("xlsx".equals(wanted) && output == null) {
        throw new InvalidInputException("An xlsx table goes to a file: add --output FILE");
      }
      InquiryId id = new InquiryId(inquiry);
      JourneyQueries queries = workbench.fabrique().journeys().queries();
      Map<String, List<String>> parameters = new LinkedHashMap<>();
      if (saved != null) {
        parameters.putAll(queries.saved(id, saved).parameters());
      }
      parameters.putAll(given());
      JourneyQuery query = JourneyQuery.parse(parameters);
      if (save != null) {
        SavedQuery kept =
            queries.save(workbench.fabrique().users().defaultUser().id(), id, save, query);
        spec.commandLine().getErr().println(root().say("cli.query.saved", kept.name()));
      }
      if (countBy != null) {
        JourneyAnalytics.Across across =
            switch (countBy.strip().toLowerCase(Locale.ROOT)) {
              case "domain", "domains" -> JourneyAnalytics.Across.DOMAINS;
              case "case", "cases" -> JourneyAnalytics.Across.CASES;
              default ->
                  throw new InvalidInputException(
                      "Unknown breakdown " + countBy + ": domain or case");
            };
        ExportScope scope = profile.scope(workbench, id);
        write(workbench, counts(queries.counts(id, query, across, scope)), wanted);
        report(scope);
        return FabriqueCommand.OK;
      }
      ExportScope scope = profile.scope(workbench, id);
      List<JourneyRow> rows = queries.run(id, query, scope);
      if ("json".equals(wanted)) {
        text(JsonOutput.write(QueryTables.json(rows)) + System.lineSeparator());
      } else if ("table".equals(wanted)) {
        text(QueryText.blocks(rows));
      } else {
        write(workbench, QueryTables.table("Journey query", rows), wanted);
      }
      spec.commandLine().getErr().println(root().say("cli.query.rows", rows.size()));
      report(scope);
      return FabriqueCommand.OK;
    }

    /** What the profile redacted and left out: beside the file, or on the standard error. */
    private void report(ExportScope scope) {
      if (output != null) {
        Path report = RedactionReport.writeBeside(root(), output, "cli.export.query", scope);
        spec.commandLine().getErr().println(root().say("cli.query.report", report));
      } else {
        RedactionReport.lines(root(), scope).forEach(spec.commandLine().getErr()::println);
      }
    }

    private FabriqueCommand root() {
      return (FabriqueCommand) spec.root().userObject();
    }

    /** The filters given on the command line, by parameter name. */
    private Map<String, List<String>> given() {
      Map<String, List<String>> out = new LinkedHashMap<>();
      for (String name : JourneyQuery.PARAMETERS) {
        OptionSpec option = spec.findOption("--" + name);
        if (option != null && option.getValue() instanceof List<?> values && !values.isEmpty()) {
          out.put(name, values.stream().map(String::valueOf).toList());
        }
      }
      return out;
    }

    private static TextTable counts(Matrix matrix) {
      List<String> headers = new ArrayList<>();
      headers.add(matrix.corner());
      matrix.columns().forEach(c -> headers.add(c.label()));
      List<List<String>> rows = new ArrayList<>();
      for (int row = 0; row < matrix.rows().size(); row++) {
        List<String> line = new ArrayList<>();
        line.add(matrix.rows().get(row).label());
        for (int column = 0; column < matrix.columns().size(); column++) {
          line.add(Long.toString(matrix.cell(row, column).value(Matrix.Measure.SEGMENTS)));
        }
        rows.add(line);
      }
      return new TextTable("Counts", headers, rows);
    }

    private void write(Workbench workbench, TextTable table, String wanted) {
      switch (wanted) {
        case "md" -> text(QueryText.markdown(table));
        case "table" -> text(QueryText.aligned(table));
        case "json" -> text(JsonOutput.write(QueryText.json(table)) + System.lineSeparator());
        default -> {
          MatrixExport.Format tableFormat = MatrixExport.Format.fromId(wanted).orElseThrow();
          if (output != null) {
            try (OutputStream out = Files.newOutputStream(output)) {
              workbench.fabrique().matrixExport().write(table, tableFormat, out);
            } catch (IOException e) {
              throw new StorageException("Could not write " + output, e);
            }
          } else {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbench.fabrique().matrixExport().write(table, tableFormat, bytes);
            spec.commandLine().getOut().print(bytes.toString(StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
          }
        }
      }
    }

    private void text(String text) {
      if (output != null) {
        try {
          Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new StorageException("Could not write " + output, e);
        }
      } else {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
      }
    }
  }

  /** fabrique journey queries --inquiry ID [--delete NAME]. */
  @Command(
      name = "queries",
      description = "List the journey queries saved in an inquiry, or delete one.")
  static final class Queries extends StoreCommand {
    @Option(names = "--inquiry", required = true, paramLabel = "ID")
    long inquiry;

    @Option(names = "--delete", paramLabel = "NAME", description = "Delete this saved query.")
    String delete;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      JourneyQueries queries = workbench.fabrique().journeys().queries();
      InquiryId id = existing(workbench, inquiry);
      if (delete != null) {
        SavedQuery gone = queries.saved(id, delete);
        queries.delete(workbench.fabrique().users().defaultUser().id(), gone.id());
        spec.commandLine()
            .getErr()
            .println(FabriqueCommand.of(spec).say("cli.query.deleted", gone.name()));
        return FabriqueCommand.OK;
      }
      PrintWriter out = spec.commandLine().getOut();
      for (SavedQuery query : queries.saved(id)) {
        out.println(query.name() + "\t" + query.query().queryString());
      }
      return FabriqueCommand.OK;
    }
  }

  /** fabrique journey actor --actor ID [--category C] [--institution I]. */
  @Command(
      name = "actor",
      description =
          "Set the category (researcher, lawyer, ethics-committee…, or an inquiry's own term) and"
              + " the institution of an actor; an empty value clears it.")
  static final class SetActor extends StoreCommand {
    @Option(names = "--actor", required = true, paramLabel = "ID")
    long actor;

    @Option(names = "--category", paramLabel = "CATEGORY")
    String category;

    @Option(names = "--institution", paramLabel = "NAME")
    String institution;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      var journeys = workbench.fabrique().journeys();
      Actor before = journeys.get(new ElementId(actor), Actor.class);
      Actor after =
          journeys.update(
              workbench.fabrique().users().defaultUser().id(),
              before.withCategory(
                  category != null ? category : before.category(),
                  institution != null ? institution : before.institution()));
      spec.commandLine()
          .getOut()
          .println(
              after.id()
                  + "\t"
                  + after.pseudonym()
                  + "\t"
                  + after.category()
                  + "\t"
                  + after.institution());
      return FabriqueCommand.OK;
    }
  }
}
