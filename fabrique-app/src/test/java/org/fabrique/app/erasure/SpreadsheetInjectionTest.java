package org.fabrique.app.erasure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.analysis.AnalysisScope;
import org.fabrique.core.analysis.Matrix;
import org.fabrique.core.analysis.MatrixColumns;
import org.fabrique.core.analysis.MatrixExport;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.formats.table.CodingsCsvExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No cell of a CSV or XLSX output starts with something a spreadsheet would run. */
class SpreadsheetInjectionTest {
  @TempDir Path temp;

  @Test
  void titlesCodesAndQuotesThatLookLikeFormulasAreNeutralised() throws Exception {
    Path file = temp.resolve("=HYPERLINK(evil).txt");
    Files.writeString(file, "@SUM(A1) dit le participant, -2+3 aussi.\n");
    try (Workbench workbench = Workbench.embedded(temp.resolve("data"))) {
      Fabrique fabrique = workbench.fabrique();
      var user = fabrique.users().defaultUser();
      var inquiry = fabrique.inquiries().create("Injection", "");
      Source source =
          fabrique
              .corpus()
              .importFile(
                  inquiry.id(), user.id(), ImportRequest.of(file.getFileName().toString(), file));
      var code =
          fabrique
              .coding()
              .createCode(inquiry.id(), user.id(), CodingService.NewCode.named("+cmd|calc"));
      fabrique.coding().code(user.id(), source.id(), 0, 8, code.id());

      ByteArrayOutputStream csv = new ByteArrayOutputStream();
      new CodingsCsvExporter(fabrique).write(inquiry.id(), csv);
      List<String> cells = cells(csv.toString(StandardCharsets.UTF_8));
      assertTrue(cells.contains("'=HYPERLINK(evil)"), cells.toString());
      assertTrue(cells.contains("'@SUM(A1)"), cells.toString());
      assertNoFormula(cells);

      Matrix matrix =
          fabrique
              .analysis()
              .matrix(inquiry.id(), MatrixColumns.sources(), AnalysisScope.everything());
      ByteArrayOutputStream table = new ByteArrayOutputStream();
      fabrique
          .matrixExport()
          .write(matrix, Matrix.Measure.SEGMENTS, MatrixExport.Format.CSV, table);
      assertNoFormula(cells(table.toString(StandardCharsets.UTF_8)));
    }
  }

  private static List<String> cells(String csv) {
    List<String> cells = new ArrayList<>();
    CsvReader.builder().ofCsvRecord(csv).forEach(r -> cells.addAll(r.getFields()));
    return cells;
  }

  private static void assertNoFormula(List<String> cells) {
    for (String cell : cells) {
      assertFalse(
          !cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0,
          "a cell a spreadsheet would run: " + cell);
    }
  }
}
