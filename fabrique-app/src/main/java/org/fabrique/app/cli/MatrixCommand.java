package org.fabrique.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fabrique.app.Workbench;
import org.fabrique.core.analysis.AnalysisScope;
import org.fabrique.core.analysis.Matrix;
import org.fabrique.core.analysis.MatrixColumns;
import org.fabrique.core.analysis.MatrixExport;
import org.fabrique.core.analysis.Proximity;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.redaction.ExportScope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** fabrique matrix --inquiry ID --rows codes --cols cases|sources|codes|ATTRIBUTE FILE. */
@Command(
    name = "matrix",
    description =
        "Write a code matrix: codes by cases, sources or the values of an attribute (its name),"
            + " or code co-occurrence (--cols codes).",
    mixinStandardHelpOptions = true)
final class MatrixCommand extends StoreCommand {
  @Option(
      names = "--inquiry",
      required = true,
      paramLabel = "ID",
      description = "The inquiry's id (fabrique inquiry list shows them).")
  long inquiry;

  @Option(names = "--rows", defaultValue = "codes", description = "Only codes (default).")
  String rows;

  @Option(
      names = "--cols",
      required = true,
      paramLabel = "COLUMNS",
      description = "cases, sources, codes (co-occurrence) or the name of an attribute.")
  String columns;

  @Option(
      names = "--measure",
      defaultValue = "segments",
      description = "segments, characters or sources (default: segments).")
  String measure;

  @Option(
      names = "--within",
      paramLabel = "N",
      description = "For co-occurrence: codes at most N characters apart (default: overlapping).")
  Integer within;

  @Option(names = "--format", defaultValue = "csv", description = "csv or xlsx (default: csv).")
  String format;

  @Option(
      names = "--journey-saved",
      paramLabel = "NAME",
      description =
          "Count only the coded segments that are evidence of the elements the journey query saved"
              + " under this name finds.")
  String journeySaved;

  @Option(
      names = "--journey",
      paramLabel = "FILTER=VALUE",
      description =
          "Count only the coded segments that are evidence of the elements this journey query"
              + " finds, given by its filters (as for 'journey query'): --journey kind=choice"
              + " --journey dimension=uses.")
  Map<String, String> journey;

  @Mixin ProfileOption profile;

  @Parameters(index = "0", paramLabel = "FILE")
  Path file;

  @Spec CommandSpec spec;

  @Override
  int run(Workbench workbench) {
    if (!"codes".equals(rows)) {
      throw new InvalidInputException("Matrix rows are codes: --rows codes");
    }
    MatrixExport.Format tableFormat =
        MatrixExport.Format.fromId(format)
            .orElseThrow(
                () -> new InvalidInputException("Unknown format " + format + ": csv or xlsx"));
    Matrix.Measure cellMeasure;
    try {
      cellMeasure = Matrix.Measure.valueOf(measure.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "Unknown measure " + measure + ": segments, characters or sources", e);
    }
    InquiryId id = new InquiryId(inquiry);
    var analysis = workbench.fabrique().analysis();
    ExportScope export = profile.scope(workbench, id);
    // Sources above the profile's level are neither counted nor listed.
    AnalysisScope scope = export.analysis(evidence(workbench, id));
    workbench.fabrique().corpus().list(id).forEach(export::includes);
    Matrix matrix =
        switch (columns.toLowerCase(Locale.ROOT)) {
          case "cases" -> analysis.matrix(id, MatrixColumns.cases(), scope);
          case "sources" -> analysis.matrix(id, MatrixColumns.sources(), scope);
          case "codes" ->
              analysis.coOccurrence(
                  id, within == null ? Proximity.overlap() : Proximity.within(within), scope);
          default ->
              analysis.matrix(id, MatrixColumns.attribute(attribute(workbench, id).id()), scope);
        };
    matrix = export.matrix(matrix);
    try (OutputStream out = Files.newOutputStream(file)) {
      workbench.fabrique().matrixExport().write(matrix, cellMeasure, tableFormat, out);
    } catch (IOException e) {
      throw new StorageException("Could not write " + file, e);
    }
    FabriqueCommand root = (FabriqueCommand) spec.root().userObject();
    Path report = RedactionReport.writeBeside(root, file, "cli.export.matrix", export);
    Exports.export(workbench, id, "matrix " + tableFormat.extension(), export.profile());
    spec.commandLine()
        .getErr()
        .println(
            root.say(
                "cli.matrix.exported",
                matrix.rows().size(),
                matrix.columns().size(),
                file,
                export.profile().name(),
                report));
    return FabriqueCommand.OK;
  }

  private AttributeDefinition attribute(Workbench workbench, InquiryId id) {
    return workbench.fabrique().attributes().definitions(id).stream()
        .filter(d -> d.name().equalsIgnoreCase(columns.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "--cols is cases, sources, codes or the name of an attribute; there is no"
                        + " attribute named "
                        + columns));
  }

  /** Every coded segment, or those that are evidence of the elements of a journey query. */
  private AnalysisScope evidence(Workbench workbench, InquiryId id) {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    if (journey != null) {
      journey.forEach((name, value) -> filters.put(name, List.of(value)));
    }
    var queries = workbench.fabrique().journeys().queries();
    return queries
        .filter(id, Optional.ofNullable(journeySaved), filters)
        .map(q -> AnalysisScope.everything().withinEvidence(queries.evidence(id, q)))
        .orElse(AnalysisScope.everything());
  }
}
