package org.fabrique.diff.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fabrique.diff.DatasetDiff;
import org.fabrique.diff.DiffInputException;
import org.fabrique.diff.DiffOptions;
import org.fabrique.diff.Files2;
import org.fabrique.diff.report.ColumnChange;
import org.fabrique.diff.report.DiffReport;
import org.fabrique.diff.report.InputProblem;
import org.fabrique.diff.report.RowSummary;
import org.fabrique.diff.report.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlignmentTest {
  @TempDir Path directory;

  private DiffReport compare(String oldText, String newText, DiffOptions options) {
    return new DatasetDiff()
        .compare(
            Files2.write(directory, "old.csv", oldText),
            Files2.write(directory, "new.csv", newText),
            options);
  }

  @Test
  void identicalTablesAreReportedIdentical() {
    DiffReport report = compare("id,a\n1,x\n2,y\n", "id,a\n1,x\n2,y\n", DiffOptions.defaults());

    assertEquals(true, report.identical());
    assertEquals(
        new RowSummary("discovered-key", List.of("id"), 2, 2, 0, 0, 0, 0, 0, 0, 0, List.of()),
        report.rows());
    assertEquals(List.of(), report.interventions());
  }

  @Test
  void duplicateKeysAreReportedAndNeverPaired() {
    DiffReport report =
        compare(
            "id,a\n1,x\n1,y\n2,z\n3,w\n",
            "id,a\n1,x\n2,z\n2,q\n3,w\n",
            DiffOptions.withKey(List.of("id")));

    assertEquals(
        new RowSummary("given-key", List.of("id"), 2, 2, 0, 0, 0, 1, 1, 2, 2, List.of("1", "2")),
        report.rows());
    assertEquals(false, report.identical());
  }

  @Test
  void withoutAKeyRowsAreComparedAsMultisets() {
    String old = "a,b\nx,1\nx,1\ny,2\nz,3\n";
    String replacement = "a,b\nx,1\ny,2\nz,3\nz,3\nw,4\n";

    DiffReport report = compare(old, replacement, DiffOptions.defaults());

    assertEquals(
        new RowSummary("row-hash", List.of(), 3, 3, 0, 1, 2, 0, 0, 0, 0, List.of()), report.rows());
  }

  @Test
  void aKeyColumnMissingFromOneVersionIsBadInput() {
    assertThrows(
        DiffInputException.class,
        () -> compare("id,a\n1,x\n", "key,a\n1,x\n", DiffOptions.withKey(List.of("id"))));
  }

  @Test
  void movedColumnsAreReportedAsReorderedOnly() {
    DiffReport report =
        compare("id,a,b,c\n1,x,y,z\n", "id,b,c,a\n1,y,z,x\n", DiffOptions.withKey(List.of("id")));

    assertEquals(
        List.of(
            new ColumnChange(
                "reordered",
                Optional.of("a"),
                Optional.of("a"),
                "position 2 → 4 among shared columns",
                1)),
        report.columnChanges());
    assertEquals(1, report.rows().unchanged());
  }

  @Test
  void anEmptyFileIsOneClearError() {
    DiffInputException empty =
        assertThrows(
            DiffInputException.class,
            () -> compare("", "id,a\n1,x\n2,y\n", DiffOptions.defaults()));
    DiffInputException blankLines =
        assertThrows(
            DiffInputException.class,
            () -> compare("id,a\n1,x\n", "\n\n\r\n", DiffOptions.defaults()));

    assertEquals("old.csv is empty: it holds no table to compare", empty.getMessage());
    assertEquals("new.csv is empty: it holds no table to compare", blankLines.getMessage());
  }

  @Test
  void duplicateKeysAreCountedInTheHeadlineSoThatEveryRowIsAccountedFor() {
    DiffReport report =
        compare(
            "id,a\n1,x\n1,x\n2,y\n2,y\n3,z\n",
            "id,a\n1,x\n2,y\n2,y\n3,z\n",
            DiffOptions.withKey(List.of("id")));

    RowSummary rows = report.rows();
    assertEquals(5, rows.matched() + rows.removed() + rows.duplicateRowsOld());
    assertEquals(4, rows.matched() + rows.added() + rows.duplicateRowsNew());
    assertEquals(4, rows.duplicateRowsOld());
    assertEquals(3, rows.duplicateRowsNew());
    String markdown = org.fabrique.diff.report.ReportFormat.MD.name();
    java.io.StringWriter text = new java.io.StringWriter();
    org.fabrique.diff.report.MarkdownReports.write(report, text);
    assertEquals(
        true,
        text.toString()
            .contains(
                "0 rows removed, 0 added, 0 edited, 1 unchanged; 4 old and 3 new rows not paired because"
                    + " their key is duplicated (2 keys repeated in the old version, 1 in the new one)."),
        markdown + text);
  }

  @Test
  void aRaggedRowIsAReadingProblemNotAnIntervention() {
    DiffReport report =
        compare(
            "id,a,b\n1,x,p\n2,y,q\n3,z,r\n",
            "id,a,b\n1,x,p\n2,y\n3,z,r\n",
            DiffOptions.withKey(List.of("id")));

    assertEquals(1, report.rows().changed());
    assertEquals(List.of(), report.interventions());
    assertEquals(
        true,
        report.problems().stream()
            .anyMatch(problem -> problem.message().startsWith("Row has 2 cells")),
        report.problems()::toString);
  }

  @Test
  void differentDelimitersOnEachSideAreReadEachWithItsOwn() {
    DiffReport report = compare("id,a\n1,x\n", "id;a\n1;x\n", DiffOptions.defaults());

    assertEquals(true, report.rows().unchanged() == 1 && report.columnChanges().isEmpty());
    assertEquals(
        List.of(
            InputProblem.ofFile(
                "new.csv",
                Severity.INFO,
                "The versions use different delimiters (comma, then semicolon); each was read with its own")),
        report.problems());
  }

  @Test
  void aColumnOfMixedTypesKeepsItsValuesAndIsCompared() {
    DiffReport report =
        compare("id,v\n1,10\n2,abc\n3,12\n", "id,v\n1,10\n2,abd\n3,12\n", DiffOptions.defaults());

    assertEquals(1, report.columnEdits().get(0).edited());
    assertEquals(List.of(List.of("id 2", "abc", "abd")), report.columnEdits().get(0).samples());
    assertEquals(
        List.of(
            InputProblem.ofColumn(
                "old.csv",
                "v",
                Severity.WARNING,
                "The column mixes types (2 integer, 1 text); values are compared as text"),
            InputProblem.ofColumn(
                "new.csv",
                "v",
                Severity.WARNING,
                "The column mixes types (2 integer, 1 text); values are compared as text")),
        report.problems());
  }
}
