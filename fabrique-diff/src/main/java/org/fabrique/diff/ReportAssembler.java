package org.fabrique.diff;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.fabrique.diff.align.ColumnMatching;
import org.fabrique.diff.align.ColumnMatching.Pair;
import org.fabrique.diff.align.OldTable;
import org.fabrique.diff.align.Pairing;
import org.fabrique.diff.detect.ColumnComparison;
import org.fabrique.diff.detect.ColumnEvidence;
import org.fabrique.diff.detect.ColumnRelations;
import org.fabrique.diff.detect.DistributionShiftDetector;
import org.fabrique.diff.detect.GeneralisationDetector;
import org.fabrique.diff.detect.NoiseDetector;
import org.fabrique.diff.detect.PseudonymisationDetector;
import org.fabrique.diff.detect.RecodingDetector;
import org.fabrique.diff.detect.RowFilterDetector;
import org.fabrique.diff.detect.SuppressionDetector;
import org.fabrique.diff.profile.ColumnProfile;
import org.fabrique.diff.read.TableReader;
import org.fabrique.diff.report.ColumnEdits;
import org.fabrique.diff.report.DetailSelection;
import org.fabrique.diff.report.DetectedIntervention;
import org.fabrique.diff.report.DiffReport;
import org.fabrique.diff.report.InputProblem;
import org.fabrique.diff.report.RowSummary;

/** Runs the detectors on what the passes gathered and builds the report. */
final class ReportAssembler {
  private final TableReader oldReader;
  private final TableReader newReader;
  private final OldTable old;
  private final Pairing pairing;
  private final ColumnMatching matching;
  private final List<Pair> key;
  private final String alignment;
  private final long oldRows;
  private final long newRows;
  private final int[] removed;
  private final int detailLimit;
  private long[][] keptByCode;
  private OldCellTexts oldCells;

  ReportAssembler(
      TableReader oldReader,
      TableReader newReader,
      OldTable old,
      Pairing pairing,
      ColumnMatching matching,
      List<Pair> key,
      String alignment,
      long oldRows,
      long newRows,
      int[] removed,
      int detailLimit) {
    this.oldReader = oldReader;
    this.newReader = newReader;
    this.old = old;
    this.pairing = pairing;
    this.matching = matching;
    this.key = key;
    this.alignment = alignment;
    this.oldRows = oldRows;
    this.newRows = newRows;
    this.removed = removed;
    this.detailLimit = detailLimit;
  }

  /**
   * Runs the detectors and builds the report. On two cores and more, three things run side by side:
   * reading again the old rows the report shows (when a column keeps no text), the rules that
   * explain the rows removed and added, and the detectors of each column; they read what the passes
   * gathered and write nothing the others read.
   */
  DiffReport assemble(String oldFileName, String newFileName, List<InputProblem> problems) {
    CompletableFuture<OldCellTexts> fetching =
        CompletableFuture.supplyAsync(() -> new OldCellTexts(old, key).fetch(oldReader, pairing));
    countKept();
    CompletableFuture<List<DetectedIntervention>> explainingRows =
        CompletableFuture.supplyAsync(this::rowFindings);
    StructureChanges structure =
        new StructureChanges(
            matching,
            oldReader.header(),
            newReader.header(),
            old.profiles(),
            pairing.newProfiles());
    List<DetectedIntervention> interventions = new ArrayList<>(structure.interventions);
    oldCells = TableComparison.join(fetching);
    List<ColumnEdits> edits = new ArrayList<>();
    List<Pair> pairs = matching.pairs();
    List<Pair> shiftedColumns = new ArrayList<>();
    List<DetectedIntervention> shifts = new ArrayList<>();
    for (int index = 0; index < pairs.size(); index++) {
      Pair pair = pairs.get(index);
      ColumnComparison comparison = pairing.comparisons().get(index);
      boolean transformed = pair.how() == ColumnMatching.How.TRANSFORMED;
      // A column renamed and transformed: its rename tells what was done (see foldIntoRename).
      List<DetectedIntervention> findings = transformed ? new ArrayList<>() : interventions;
      ColumnProfile oldProfile = old.profiles().get(pair.oldIndex());
      ColumnProfile newProfile = pairing.newProfiles().get(pair.newIndex());
      int height = explain(pair, comparison, oldProfile, newProfile, findings);
      if (height < 0 && !transformed) {
        // Told unless the rows removed are what shifted it, known when their rules are.
        DistributionShiftDetector.detect(pair.newName(), oldProfile, newProfile)
            .ifPresent(
                shift -> {
                  shiftedColumns.add(pair);
                  shifts.add(shiftIntervention(shift));
                });
      }
      if (transformed) {
        foldIntoRename(interventions, pair.newName(), findings);
      }
      double lost = distinctLost(oldProfile, newProfile);
      if (comparison.edited() > 0 || lost > 0) {
        edits.add(
            new ColumnEdits(
                pair.oldName(),
                pair.newName(),
                pairing.matchedRows(),
                comparison.edited(),
                oldCells.editSamples(pair.oldIndex(), comparison),
                lost,
                Math.max(0, height)));
      }
    }
    List<DetectedIntervention> rowFindings = TableComparison.join(explainingRows);
    interventions.addAll(structure.interventions.size(), rowFindings);
    Set<String> filterColumns = new HashSet<>();
    for (DetectedIntervention found : rowFindings) {
      if (found.type().equals("row-filter")) {
        filterColumns.addAll(found.columns());
      }
    }
    for (int index = 0; index < shifts.size(); index++) {
      if (!filterColumns.contains(shiftedColumns.get(index).oldName())) {
        interventions.add(shifts.get(index));
      }
    }
    RowSummary rows =
        new RowSummary(
            alignment,
            key.stream().map(Pair::newName).toList(),
            pairing.matchedRows(),
            pairing.unchanged(),
            pairing.changed(),
            removed.length,
            pairing.added(),
            old.index().duplicateKeys() > 0 && !key.isEmpty() ? old.index().duplicateKeys() : 0,
            pairing.duplicateNewKeys(),
            key.isEmpty() ? 0 : oldRows - pairing.matchedRows() - removed.length,
            key.isEmpty() ? 0 : newRows - pairing.matchedRows() - pairing.added(),
            pairing.duplicateSamples());
    boolean identical =
        structure.changes.isEmpty()
            && rows.changed() == 0
            && rows.removed() == 0
            && rows.added() == 0
            && rows.duplicateKeysOld() == 0
            && rows.duplicateKeysNew() == 0
            && pairing.pairedWithDuplicateOldKey() == 0
            && oldRows == newRows;
    List<DetectedIntervention> weak =
        interventions.stream().filter(found -> found.confidence() < MINIMUM_CONFIDENCE).toList();
    // Not removeAll: it compares findings field by field, for what their confidence alone tells.
    interventions.removeIf(found -> found.confidence() < MINIMUM_CONFIDENCE);
    List<InputProblem> notes = new ArrayList<>(problems);
    if (!weak.isEmpty()) {
      notes.add(
          InputProblem.ofFile(
              newFileName,
              org.fabrique.diff.report.Severity.INFO,
              "Weak signals, not listed as interventions (confidence under "
                  + Math.round(MINIMUM_CONFIDENCE * 100)
                  + "%): "
                  + String.join(
                      "; ",
                      weak.stream()
                          .map(
                              found ->
                                  found.type()
                                      + " on "
                                      + String.join(", ", found.columns())
                                      + " ("
                                      + Math.round(found.confidence() * 100)
                                      + "%)")
                          .toList())));
    }
    interventions.sort(BY_IMPORTANCE);
    DetailRows details = new DetailRows(oldReader.header(), newReader.header(), matching, oldCells);
    return new DiffReport(
        DiffReport.FORMAT_VERSION,
        identical,
        TableSummaries.of(oldFileName, oldReader, old.profiles(), oldRows),
        TableSummaries.of(newFileName, newReader, pairing.newProfiles(), newRows),
        structure.changes,
        ColumnOverviews.of(
            oldReader.header(), newReader.header(), matching, interventions, editedColumns()),
        rows,
        edits,
        interventions,
        notes,
        details.columns(),
        details.rows(pairing.details()),
        detailSelection());
  }

  /** Findings under this confidence are not listed as interventions. */
  static final double MINIMUM_CONFIDENCE = 0.5;

  /** What a reader should see first: rows, identifiers, values, then structure and shifts. */
  private static final List<String> IMPORTANCE =
      List.of(
          "row-filter",
          "rows-added",
          "pseudonymisation",
          "suppression",
          "generalisation",
          "date-shift",
          "top-coding",
          "bottom-coding",
          "noise",
          "recoding",
          "unit-conversion",
          "column-renamed",
          "column-split",
          "column-merge",
          "column-removed",
          "column-added",
          "format-change",
          "type-change",
          "distribution-shift");

  private static final java.util.Comparator<DetectedIntervention> BY_IMPORTANCE =
      java.util.Comparator.comparingInt(
              (DetectedIntervention found) -> {
                int rank = IMPORTANCE.indexOf(found.type());
                return rank < 0 ? IMPORTANCE.size() : rank;
              })
          .thenComparing(
              java.util.Comparator.comparingDouble(DetectedIntervention::confidence).reversed());

  /** The new columns of the pairs whose cells were edited. */
  private Set<Integer> editedColumns() {
    Set<Integer> edited = new HashSet<>();
    for (int index = 0; index < matching.pairs().size(); index++) {
      if (pairing.comparisons().get(index).edited() > 0) {
        edited.add(matching.pairs().get(index).newIndex());
      }
    }
    return edited;
  }

  private DetailSelection detailSelection() {
    long[] offered = pairing.detailOffered();
    int[] shown = pairing.detailShown();
    return new DetailSelection(
        detailLimit, offered[0], offered[1], offered[2], shown[0], shown[1], shown[2]);
  }

  /**
   * A column renamed and transformed is one act, told by its rename ("renamed and pseudonymised"):
   * what the value detectors found of the same kind adds its parameters to the rename instead of
   * being a second intervention. Cells masked are another act and stay their own; any other reading
   * of the edits (a recoding, a shift of the distribution) is what the rename already explains.
   */
  private static void foldIntoRename(
      List<DetectedIntervention> interventions, String column, List<DetectedIntervention> found) {
    int at = -1;
    for (int index = 0; index < interventions.size(); index++) {
      DetectedIntervention candidate = interventions.get(index);
      if (candidate.type().equals("column-renamed") && candidate.columns().contains(column)) {
        at = index;
      }
    }
    Object kind = at < 0 ? null : interventions.get(at).parameters().get("transformation");
    String sameAct = kind instanceof String text ? ColumnRelations.interventionType(text) : "";
    for (DetectedIntervention finding : found) {
      if (finding.type().equals(sameAct)) {
        if (finding.confidence() >= MINIMUM_CONFIDENCE) {
          DetectedIntervention rename = interventions.get(at);
          Map<String, Object> parameters = new java.util.LinkedHashMap<>(rename.parameters());
          finding.parameters().forEach(parameters::putIfAbsent);
          interventions.set(
              at,
              new DetectedIntervention(
                  rename.type(),
                  rename.columns(),
                  parameters,
                  rename.confidence(),
                  rename.summaryEn(),
                  rename.summaryFr(),
                  rename.evidence()));
        }
      } else if (finding.type().equals("suppression")) {
        interventions.add(finding);
      }
    }
  }

  private static boolean firstOf(
      List<DetectedIntervention> interventions,
      boolean alreadyExplained,
      java.util.function.Supplier<Optional<DetectedIntervention>> detector) {
    if (alreadyExplained) {
      return false;
    }
    Optional<DetectedIntervention> found = detector.get();
    found.ifPresent(interventions::add);
    return found.isPresent();
  }

  private DetectedIntervention shiftIntervention(DistributionShiftDetector.DetectedShift shift) {
    String statistic =
        shift.method().equals("kolmogorov-smirnov")
            ? "Kolmogorov–Smirnov D"
            : "Jensen–Shannon divergence";
    boolean rowsChanged = removed.length > 0 || pairing.added() > 0;
    String value = org.fabrique.diff.detect.Figures.number(shift.strength());
    return new DetectedIntervention(
        "distribution-shift",
        List.of(shift.column()),
        shift.parameters(),
        org.fabrique.diff.detect.Figures.round(Math.min(1, 0.5 + shift.strength()), 3),
        "The distribution of "
            + shift.column()
            + " changed ("
            + statistic
            + " = "
            + value
            + ")."
            + (rowsChanged ? " It may follow from the rows removed or added." : ""),
        "La distribution de "
            + shift.column()
            + " a changé ("
            + statistic
            + " = "
            + value
            + ")."
            + (rowsChanged ? " Ce changement peut découler des lignes retirées ou ajoutées." : ""),
        List.of());
  }

  private static double distinctLost(ColumnProfile oldProfile, ColumnProfile newProfile) {
    long before = oldProfile.distinct();
    long after = newProfile.distinct();
    return before == 0 || after >= before
        ? 0
        : org.fabrique.diff.detect.Figures.round((before - after) / (double) before, 4);
  }

  /**
   * What the value detectors find in a column's edits, added to {@code findings}: the height the
   * values climbed in a generalisation hierarchy (0 for another explanation), or -1 when nothing
   * explains the edits (or there are none).
   */
  private int explain(
      Pair pair,
      ColumnComparison comparison,
      ColumnProfile oldProfile,
      ColumnProfile newProfile,
      List<DetectedIntervention> findings) {
    if (comparison.edited() == 0) {
      return -1;
    }
    ColumnRelations.Relation relation = matching.relations().get(pair.newIndex());
    if (relation != null) {
      // A change of unit or scale, or top or bottom coding, seen on the aligned first rows: what
      // the other detectors would take for categories relabelled or numbers rounded.
      findings.add(ColumnRelations.intervention(pair.newName(), relation));
      return 0;
    }
    ColumnEvidence evidence =
        new ColumnEvidence(
            comparison, oldProfile, newProfile, pairing.matchedRows(), keptByCode[pair.oldIndex()]);
    int height = -1;
    Optional<GeneralisationDetector.Found> generalisation = GeneralisationDetector.detect(evidence);
    if (generalisation.isPresent()) {
      GeneralisationDetector.Found found = generalisation.get();
      height = found.height();
      findings.add(
          new DetectedIntervention(
              "generalisation",
              List.of(pair.newName()),
              found.parameters(),
              org.fabrique.diff.detect.Figures.round(found.share(), 3),
              found.summaryEn(),
              found.summaryFr(),
              oldCells.samplePairs(pair.oldIndex(), comparison)));
    }
    boolean explained = height >= 0;
    explained |= firstOf(findings, explained, () -> PseudonymisationDetector.detect(evidence));
    explained |= firstOf(findings, explained, () -> RecodingDetector.detect(evidence));
    explained |= firstOf(findings, explained, () -> NoiseDetector.detect(evidence));
    Optional<DetectedIntervention> suppression = SuppressionDetector.detect(evidence);
    suppression.ifPresent(findings::add);
    explained |= suppression.isPresent();
    return explained ? Math.max(0, height) : -1;
  }

  /** What explains the rows: a rule the removed rows meet, the added rows' own. */
  private List<DetectedIntervention> rowFindings() {
    List<long[]> keptOld = new ArrayList<>();
    for (int column = 0; column < old.profiles().size(); column++) {
      keptOld.add(
          RowFilterDetector.usable(old.profiles().get(column), old.hashed(column))
              ? keptByCode[column]
              : null);
    }
    List<DetectedIntervention> found = new ArrayList<>();
    RowFilterDetector.detect(old, keptOld, removed).ifPresent(found::add);
    RowFilterDetector.detectAdded(
            pairing.newProfiles(), pairing.keptCounts(), pairing.addedRows(), pairing.added())
        .ifPresent(found::add);
    return found;
  }

  /**
   * Per old column, the kept rows' count of each dictionary code (nothing for a column kept as
   * hashes), in one walk over the kept rows.
   */
  private void countKept() {
    int columns = old.profiles().size();
    long[][] counts = new long[columns][];
    int[] counted = new int[columns];
    int many = 0;
    for (int column = 0; column < columns; column++) {
      ColumnProfile profile = old.profiles().get(column);
      boolean coded = !old.hashed(column) && !profile.overflowed();
      counts[column] = new long[coded ? profile.dictionarySize() : 0];
      if (coded) {
        counted[many++] = column;
      }
    }
    BitSet matched = pairing.matched();
    for (int row = matched.nextSetBit(0); row >= 0; row = matched.nextSetBit(row + 1)) {
      for (int index = 0; index < many; index++) {
        int column = counted[index];
        counts[column][old.code(column, row)]++;
      }
    }
    keptByCode = counts;
  }
}
