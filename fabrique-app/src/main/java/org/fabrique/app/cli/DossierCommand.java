package org.fabrique.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.fabrique.app.Workbench;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.journey.query.CaseDossier;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.formats.dossier.DossierWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** fabrique dossier --case ID --format pdf|html [--profile P] [--lang en|fr] FILE. */
@Command(
    name = "dossier",
    description =
        "Write the dossier of a case (its journey graph, timeline, elements with their quotes, actors"
            + " and evidence index) as HTML or PDF, through a redaction profile.",
    mixinStandardHelpOptions = true)
public final class DossierCommand extends StoreCommand {
  @Option(names = "--case", required = true, paramLabel = "ID")
  long caseId;

  @Option(names = "--format", defaultValue = "pdf", description = "pdf or html (default: pdf).")
  String format;

  @Option(
      names = "--lang",
      defaultValue = "en",
      paramLabel = "en|fr",
      description = "The language of the dossier: en or fr (default: en).")
  String lang;

  @Mixin ProfileOption profile;

  @Parameters(index = "0", paramLabel = "FILE")
  Path file;

  @Spec CommandSpec spec;

  @Override
  int run(Workbench workbench) {
    String wanted = format.strip().toLowerCase(Locale.ROOT);
    if (!wanted.equals("pdf") && !wanted.equals("html")) {
      throw new InvalidInputException("Unknown format " + format + ": pdf or html");
    }
    String language = lang.strip().toLowerCase(Locale.ROOT);
    if (!language.equals("en") && !language.equals("fr")) {
      throw new InvalidInputException("Unknown language " + lang + ": en or fr");
    }
    Case theCase = workbench.fabrique().inquiries().getCase(new CaseId(caseId));
    ExportScope scope = profile.scope(workbench, theCase.inquiryId());
    CaseDossier dossier =
        workbench
            .fabrique()
            .journeys()
            .dossiers()
            .build(theCase.id(), scope, Locale.forLanguageTag(language));
    try (OutputStream out = Files.newOutputStream(file)) {
      if (wanted.equals("pdf")) {
        new DossierWriter().pdf(dossier, out);
      } else {
        new DossierWriter().html(dossier, out);
      }
    } catch (IOException e) {
      throw new StorageException("Could not write " + file, e);
    }
    Exports.dossier(workbench, theCase, scope.profile().name(), wanted);
    spec.commandLine()
        .getErr()
        .println(
            ((FabriqueCommand) spec.root().userObject())
                .say(
                    "cli.dossier.exported",
                    String.valueOf(theCase.id().value()),
                    file,
                    scope.profile().name(),
                    dossier.evidence().size()));
    return FabriqueCommand.OK;
  }
}
