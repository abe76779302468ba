package org.fabrique.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fabrique.app.Workbench;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ConditionReport;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.Lineage;
import org.fabrique.core.journey.LineageService;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.formats.journey.JourneySnapshots;
import org.fabrique.formats.journey.RedactionProfile;
import org.fabrique.formats.openlineage.OpenLineageEvents;
import org.fabrique.formats.openlineage.OpenLineageExporter;
import org.fabrique.formats.openlineage.OpenLineageImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** OpenLineage events in and out, and lineage queries. */
@Command(
    name = "lineage",
    description = "OpenLineage events in and out; upstream, downstream, choices and conditions.",
    mixinStandardHelpOptions = true,
    subcommands = {
      LineageCommand.Import.class,
      LineageCommand.Export.class,
      LineageCommand.Upstream.class,
      LineageCommand.Downstream.class,
      LineageCommand.Choices.class,
      LineageCommand.Conditions.class
    })
public final class LineageCommand {

  /** fabrique lineage import --inquiry ID FILE... (JSON, JSON array or NDJSON). */
  @Command(
      name = "import",
      description = "Import OpenLineage 2-0-2 events as observed interventions; all or nothing.")
  static final class Import extends StoreCommand {
    @Option(
        names = "--inquiry",
        required = true,
        paramLabel = "ID",
        description = "The inquiry's id (fabrique inquiry list shows them).")
    long inquiry;

    @Option(names = "--case", paramLabel = "ID", description = "Put the new elements in a case.")
    Long caseId;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(
        names = "--max-bytes",
        paramLabel = "N",
        description = "The largest file accepted, in bytes (default: 33554432, 32 MiB).")
    long maxBytes = OpenLineageEvents.Limits.DEFAULT.maxBytes();

    @Option(
        names = "--max-events",
        paramLabel = "N",
        description = "The most events accepted in one file (default: 10000).")
    int maxEvents = OpenLineageEvents.Limits.DEFAULT.maxEvents();

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      if (maxBytes <= 0 || maxEvents <= 0) {
        throw new InvalidInputException("--max-bytes and --max-events are positive numbers");
      }
      OpenLineageEvents.Limits limits = new OpenLineageEvents.Limits(maxBytes, maxEvents);
      List<JsonNode> events = new ArrayList<>();
      List<Problem> problems = new ArrayList<>();
      List<Problem> warnings = new ArrayList<>();
      for (Path file : files) {
        byte[] body;
        try {
          if (Files.size(file) > limits.maxBytes()) {
            throw new InvalidInputException(
                file + " is larger than " + limits.maxBytes() + " bytes (see --max-bytes)");
          }
          body = Files.readAllBytes(file);
        } catch (IOException e) {
          throw new InvalidInputException("Cannot read " + file, e);
        }
        OpenLineageEvents.Parsed parsed =
            OpenLineageEvents.read(body, OpenLineageEvents.Framing.SNIFF, limits);
        events.addAll(parsed.events());
        for (Problem p : parsed.problems()) {
          String where =
              file.getFileName()
                  + ": "
                  + p.location()
                  + p.jsonPointer().map(pointer -> " " + pointer).orElse("");
          (p.severity() == Problem.Severity.ERROR ? problems : warnings)
              .add(new Problem(where, p.severity(), p.message(), p.pointer()));
        }
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(
            problems.size() + " problem(s); nothing was imported", problems);
      }
      PrintWriter err = spec.commandLine().getErr();
      FabriqueCommand root = (FabriqueCommand) spec.root().userObject();
      warnings.forEach(
          w -> err.println(root.say("cli.warning", w.location(), root.problem(w.message()))));
      OpenLineageImporter.Result result =
          new OpenLineageImporter(workbench.fabrique().journeys())
              .importEvents(
                  new InquiryId(inquiry),
                  java.util.Optional.ofNullable(caseId).map(CaseId::new),
                  workbench.fabrique().users().defaultUser().id(),
                  events);
      spec.commandLine()
          .getOut()
          .println(
              root.say(
                  "cli.lineage.imported",
                  result.events(),
                  result.interventions(),
                  result.dataObjects()));
      return FabriqueCommand.OK;
    }
  }

  /** fabrique lineage export --inquiry ID FILE (NDJSON). */
  @Command(
      name = "export",
      description = "Write the journeys as OpenLineage RunEvents (NDJSON) with Fabrique facets.")
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
      InquiryId id = existing(workbench, inquiry);
      int count;
      ExportScope scope = profile.scope(workbench, id);
      try (OutputStream out = Files.newOutputStream(file)) {
        count =
            new OpenLineageExporter()
                .writeNdjson(
                    JourneySnapshots.of(workbench.fabrique(), new InquiryId(inquiry)),
                    RedactionProfile.of(scope),
                    out);
      } catch (IOException e) {
        throw new StorageException("Could not write " + file, e);
      }
      FabriqueCommand root = (FabriqueCommand) spec.root().userObject();
      RedactionReport.writeBeside(root, file, "cli.export.openlineage", scope);
      Exports.export(workbench, new InquiryId(inquiry), "OpenLineage ndjson", scope.profile());
      spec.commandLine().getErr().println(root.say("cli.lineage.exported", count, file));
      return FabriqueCommand.OK;
    }
  }

  /** What the walks share. */
  abstract static class Walk extends StoreCommand {
    @Option(
        names = "--object",
        required = true,
        paramLabel = "ID",
        description = "A data object or intervention.")
    long object;

    @Option(
        names = "--depth",
        paramLabel = "N",
        description = "Interventions to cross (default: any).")
    Integer depth;

    @Option(
        names = "--dataset-version",
        paramLabel = "N",
        description = "Start from this version of the data object (0 = as first read).")
    Integer datasetVersion;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec CommandSpec spec;

    abstract Lineage walk(LineageService lineage, ElementId start, int depth);

    abstract Lineage walk(LineageService lineage, ElementId start, int version, int depth);

    @Override
    int run(Workbench workbench) {
      int maxDepth = depth == null ? LineageService.UNLIMITED : depth;
      Lineage lineage =
          datasetVersion == null
              ? walk(workbench.fabrique().lineage(), new ElementId(object), maxDepth)
              : walk(
                  workbench.fabrique().lineage(), new ElementId(object), datasetVersion, maxDepth);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        StringBuilder text = new StringBuilder("{\"start\":" + object + ",\"nodes\":[");
        for (int i = 0; i < lineage.nodes().size(); i++) {
          Lineage.Node node = lineage.nodes().get(i);
          text.append(i == 0 ? "" : ",")
              .append("{\"id\":")
              .append(node.id().value())
              .append(",\"kind\":\"")
              .append(node.kind().id())
              .append("\",\"distance\":")
              .append(node.distance());
          node.version()
              .ifPresent(
                  v ->
                      text.append(",\"version\":")
                          .append(v.number())
                          .append(",\"versionLabel\":")
                          .append(
                              com.fasterxml.jackson.databind.node.TextNode.valueOf(v.label())
                                  .toString()));
          text.append('}');
        }
        out.println(text.append("]}"));
      } else {
        for (Lineage.Node node : lineage.nodes()) {
          JourneyElement element = workbench.fabrique().journeys().get(node.id());
          out.println(
              node.distance()
                  + "\t"
                  + node.kind().id()
                  + "\t"
                  + node.id()
                  + "\t"
                  + element.label()
                  + node.version().map(v -> " (" + v.label() + ")").orElse(""));
        }
      }
      return FabriqueCommand.OK;
    }
  }

  /** fabrique lineage upstream --object ID [--depth N] [--json]. */
  @Command(name = "upstream", description = "What a data object was made from, to a depth.")
  static final class Upstream extends Walk {
    @Override
    Lineage walk(LineageService lineage, ElementId start, int depth) {
      return lineage.upstream(start, depth);
    }

    @Override
    Lineage walk(LineageService lineage, ElementId start, int version, int depth) {
      return lineage.upstream(start, version, depth);
    }
  }

  /** fabrique lineage downstream --object ID [--depth N] [--json]. */
  @Command(name = "downstream", description = "What was made from a data object, to a depth.")
  static final class Downstream extends Walk {
    @Override
    Lineage walk(LineageService lineage, ElementId start, int depth) {
      return lineage.downstream(start, depth);
    }

    @Override
    Lineage walk(LineageService lineage, ElementId start, int version, int depth) {
      return lineage.downstream(start, version, depth);
    }
  }

  /** fabrique lineage choices --object ID. */
  @Command(name = "choices", description = "The choices on a data object's upstream path.")
  static final class Choices extends StoreCommand {
    @Option(names = "--object", required = true, paramLabel = "ID")
    long object;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      for (Choice choice : workbench.fabrique().lineage().choicesShaping(new ElementId(object))) {
        int evidence = workbench.fabrique().journeys().evidenceOf(choice.id()).size();
        spec.commandLine()
            .getOut()
            .println(
                choice.id()
                    + "\t"
                    + choice.status().id()
                    + "\t"
                    + choice.question()
                    + "\t"
                    + (evidence == 0 ? "WITHOUT EVIDENCE" : evidence + " evidence"));
      }
      return FabriqueCommand.OK;
    }
  }

  /** fabrique lineage conditions --object ID. */
  @Command(
      name = "conditions",
      description = "The use conditions of a data object, propagated along its derivations.")
  static final class Conditions extends StoreCommand {
    @Option(names = "--object", required = true, paramLabel = "ID")
    long object;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      ConditionReport report = workbench.fabrique().lineage().conditions(new ElementId(object));
      PrintWriter out = spec.commandLine().getOut();
      for (ConditionReport.Applied applied : report.conditions()) {
        out.println(
            "in force\t"
                + applied.condition().term()
                + "\tfrom "
                + applied.origin()
                + (applied.choices().isEmpty() ? "" : "\tchoices " + applied.choices()));
      }
      for (ConditionReport.Lifted lifted : report.lifted()) {
        out.println(
            "lifted\t"
                + lifted.condition().term()
                + "\tby intervention "
                + lifted.intervention()
                + lifted.choice().map(c -> "\tchoice " + c).orElse(""));
      }
      return FabriqueCommand.OK;
    }
  }
}
