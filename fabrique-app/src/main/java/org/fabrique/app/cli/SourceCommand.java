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
import org.fabrique.core.corpus.ImportReport;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.SourceKind;
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
    description = "Import and list the sources of an inquiry.",
    mixinStandardHelpOptions = true,
    subcommands = {SourceCommand.Import.class, SourceCommand.ListSources.class})
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
                  });
      for (ImportReport.FileOutcome outcome : report.files()) {
        if (outcome.source().isPresent()) {
          out.println(outcome.source().get().id() + "\t" + outcome.fileName());
        }
        for (Problem problem : outcome.problems()) {
          err.println("fabrique: " + problem.message());
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
          .list(new InquiryId(inquiry))
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
}
