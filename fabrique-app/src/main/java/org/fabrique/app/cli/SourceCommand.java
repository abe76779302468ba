package org.fabrique.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fabrique.app.Workbench;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.ImportReport;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.erasure.PurgeReport;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Imports and lists sources. */
@Command(
    name = "source",
    description = "Import, list and purge the sources of an inquiry.",
    mixinStandardHelpOptions = true,
    subcommands = {
      SourceCommand.Import.class,
      SourceCommand.ListSources.class,
      SourceCommand.Purge.class,
      SourceCommand.Withdraw.class
    })
public final class SourceCommand {

  /** fabrique source import --inquiry ID FILE... */
  @Command(
      name = "import",
      description =
          "Import files (txt, md, docx, odt, rtf, pdf, html, epub) as sources. Each file is"
              + " imported on its own; a file that fails is reported and the others go on."
              + " Exit code 2 when any file failed.")
  static final class Import extends StoreCommand {
    @Option(names = "--inquiry", required = true, paramLabel = "ID")
    long inquiry;

    @Option(
        names = "--kind",
        description =
            "field-note, interview, observation, document, meeting-minutes or other (default: guessed).")
    String kind;

    @Option(
        names = "--case",
        paramLabel = "CASE_ID",
        description = "The case the sources belong to.")
    Long caseId;

    @Option(
        names = "--confidentiality",
        description = "public, internal, confidential or secret (default: ${DEFAULT-VALUE}).",
        defaultValue = "confidential")
    String confidentiality;

    @Option(
        names = "--allow-duplicates",
        description =
            "Import a file even when its content is already a source of the inquiry (by default"
                + " it is left out with a warning).")
    boolean allowDuplicates;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      Confidentiality level =
          Confidentiality.fromId(confidentiality)
              .orElseThrow(
                  () -> new InvalidInputException("Unknown confidentiality " + confidentiality));
      List<ImportRequest> requests = new ArrayList<>();
      for (Path file : files) {
        ImportRequest request =
            new ImportRequest(
                file.getFileName().toString(),
                file,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                level);
        if (kind != null) {
          request =
              request.withKind(
                  SourceKind.fromId(kind)
                      .orElseThrow(() -> new InvalidInputException("Unknown source kind " + kind)));
        }
        if (caseId != null) {
          request = request.withCase(new CaseId(caseId));
        }
        if (!Files.isRegularFile(file)) {
          throw new InvalidInputException(file + " is not a file");
        }
        requests.add(request);
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      FabriqueCommand root = (FabriqueCommand) spec.root().userObject();
      ImportReport report =
          workbench
              .fabrique()
              .corpus()
              .importFiles(
                  new InquiryId(inquiry),
                  workbench.fabrique().users().defaultUser().id(),
                  requests,
                  (done, total, name) -> {
                    if (!name.isEmpty() && total > 1) {
                      err.printf(Locale.ROOT, "[%d/%d] %s%n", done + 1, total, name);
                    }
                  },
                  allowDuplicates ? CorpusService.Duplicates.ALLOW : CorpusService.Duplicates.SKIP);
      for (ImportReport.FileOutcome outcome : report.files()) {
        if (outcome.source().isPresent()) {
          out.println(outcome.source().get().id() + "\t" + outcome.fileName());
        }
        for (Problem problem : outcome.problems()) {
          String message = root.problem(problem.message());
          err.println(
              "fabrique: "
                  + (problem.severity() == Problem.Severity.WARNING
                      ? root.say("cli.source.warning", message)
                      : message));
        }
      }
      return report.failed().isEmpty() ? FabriqueCommand.OK : FabriqueCommand.BAD_INPUT;
    }
  }

  /** fabrique source list --inquiry ID. */
  @Command(name = "list", description = "List sources: id, kind, language, length, title.")
  static final class ListSources extends StoreCommand {
    @Option(names = "--inquiry", required = true, paramLabel = "ID")
    long inquiry;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      PrintWriter out = spec.commandLine().getOut();
      workbench
          .fabrique()
          .corpus()
          .list(existing(workbench, inquiry))
          .forEach(
              s ->
                  out.println(
                      s.id()
                          + "\t"
                          + s.kind().id()
                          + "\t"
                          + s.language()
                          + "\t"
                          + s.length()
                          + "\t"
                          + s.title()));
      return FabriqueCommand.OK;
    }
  }

  /** fabrique source purge --inquiry ID SOURCE... */
  @Command(
      name = "purge",
      description =
          "Erase sources for good: the original file, the plain text, index entries, codings,"
              + " memos, evidence quotes, redactions and the content of the history lines about"
              + " them (a tombstone stays; such lines can no longer be undone). Cannot be undone.")
  static final class Purge extends StoreCommand {
    @Option(names = "--inquiry", required = true, paramLabel = "ID")
    long inquiry;

    @Parameters(arity = "1..*", paramLabel = "SOURCE_ID")
    List<Long> sources;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      PurgeReport report =
          workbench
              .fabrique()
              .erasure()
              .purge(
                  workbench.fabrique().users().defaultUser().id(),
                  new InquiryId(inquiry),
                  sources.stream().map(SourceId::new).toList());
      spec.commandLine().getOut().println(purged(FabriqueCommand.of(spec), report));
      return FabriqueCommand.OK;
    }
  }

  /** fabrique source withdraw --inquiry ID (--case C | --attribute NAME=VALUE). */
  @Command(
      name = "withdraw",
      description =
          "Withdraw a participant: purge every source of a case (--case) or every source whose"
              + " attribute has a value, or whose case has it (--attribute participant=P07).")
  static final class Withdraw extends StoreCommand {
    @Option(names = "--inquiry", required = true, paramLabel = "ID")
    long inquiry;

    @Option(names = "--case", paramLabel = "CASE_ID")
    Long caseId;

    @Option(names = "--attribute", paramLabel = "NAME=VALUE")
    String attribute;

    @Spec CommandSpec spec;

    @Override
    int run(Workbench workbench) {
      var erasure = workbench.fabrique().erasure();
      var user = workbench.fabrique().users().defaultUser().id();
      PurgeReport report;
      if (caseId != null && attribute == null) {
        report = erasure.withdrawCase(user, new InquiryId(inquiry), new CaseId(caseId));
      } else if (attribute != null && caseId == null) {
        int equals = attribute.indexOf('=');
        if (equals < 1) {
          throw new InvalidInputException("--attribute takes NAME=VALUE");
        }
        report =
            erasure.withdrawByAttribute(
                user,
                new InquiryId(inquiry),
                attribute.substring(0, equals),
                attribute.substring(equals + 1));
      } else {
        throw new InvalidInputException("Give either --case or --attribute NAME=VALUE");
      }
      spec.commandLine().getOut().println(purged(FabriqueCommand.of(spec), report));
      return FabriqueCommand.OK;
    }
  }

  /** What a purge removed, in counts, in the language of the command line. */
  static String purged(FabriqueCommand root, PurgeReport report) {
    String line =
        root.say(
            "cli.source.purged",
            report.sources().size(),
            report.segments(),
            report.codings(),
            report.memos(),
            report.evidence(),
            report.attributeValues(),
            report.redactions(),
            report.historyLines(),
            report.blobsRemoved());
    return report.blobsKept() == 0
        ? line
        : line + root.say("cli.source.purged.kept", report.blobsKept());
  }
}
