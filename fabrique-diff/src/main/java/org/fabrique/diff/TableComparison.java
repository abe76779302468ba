package org.fabrique.diff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.fabrique.diff.align.ColumnMatcher;
import org.fabrique.diff.align.ColumnMatching;
import org.fabrique.diff.align.ColumnMatching.Pair;
import org.fabrique.diff.align.KeyDiscovery;
import org.fabrique.diff.align.OldTable;
import org.fabrique.diff.align.Pairing;
import org.fabrique.diff.align.Pipeline;
import org.fabrique.diff.align.TableSample;
import org.fabrique.diff.detect.ColumnRelations;
import org.fabrique.diff.profile.ColumnProfile;
import org.fabrique.diff.profile.DistinctForecast;
import org.fabrique.diff.profile.ValueType;
import org.fabrique.diff.read.ProblemLog;
import org.fabrique.diff.read.TableReader;
import org.fabrique.diff.read.TableReaders;
import org.fabrique.diff.report.DiffReport;
import org.fabrique.diff.report.Severity;

/**
 * One comparison, in passes: (0) the first rows of both versions, to match columns and find a key;
 * (1) the old version, streamed into a compact key index; (2) the new version, streamed and paired
 * row by row; (3) the unpaired old rows, in memory, to explain removals; then the report.
 */
final class TableComparison {
  private static final int SAMPLE_ROWS = 20_000;

  private final Path oldFile;
  private final Path newFile;
  private final DiffOptions options;

  /**
   * Whether a column whose first rows foretell more distinct values than a dictionary holds is
   * profiled without one ({@link ColumnProfile#BEYOND_DICTIONARY}).
   */
  private final boolean foresight;

  TableComparison(Path oldFile, Path newFile, DiffOptions options) {
    this(oldFile, newFile, options, true);
  }

  private TableComparison(Path oldFile, Path newFile, DiffOptions options, boolean foresight) {
    this.oldFile = oldFile;
    this.newFile = newFile;
    this.options = options;
    this.foresight = foresight;
  }

  DiffReport run() {
    ProblemLog oldProblems = new ProblemLog(oldFile.getFileName().toString());
    ProblemLog newProblems = new ProblemLog(newFile.getFileName().toString());
    Start start = start(oldProblems, newProblems);
    TableReader oldReader = start.oldReader();
    TableReader newReader = start.newReader();
    OldTable old = start.old();
    Plan plan = start.plan();
    List<Pair> key = plan.key();
    String alignment = plan.alignment();
    ColumnMatching pairs = plan.matching();

    int[] contentColumns = pairs.pairs().stream().mapToInt(Pair::oldIndex).toArray();
    int[] oldKey = key.stream().mapToInt(Pair::oldIndex).toArray();
    int[] newKey = key.stream().mapToInt(Pair::newIndex).toArray();
    long oldRows =
        Pipeline.run(
            oldReader,
            oldProblems,
            contentColumns,
            oldKey,
            Pipeline.NO_PROBE,
            0,
            old::encode,
            old::addRows);
    if (!old.foresightHeld()) {
      return withDictionaries();
    }
    Pairing pairing =
        new Pairing(
            old, newReader.header(), plan.newValues(), pairs.pairs(), newKey, options.detailRows());
    long newRows =
        Pipeline.run(
            newReader,
            newProblems,
            pairing.contentColumns(),
            pairing.keyColumns(),
            pairing::probe,
            pairing.codesPerRow(),
            pairing::encode,
            pairing::accept);
    if (!pairing.foresightHeld()) {
      return withDictionaries();
    }
    pairing.finish();

    reportMixedTypes(old.profiles(), oldProblems);
    reportMixedTypes(pairing.newProfiles(), newProblems);
    int[] removed = removedRows(old, pairing.matched(), key.isEmpty());
    for (int ordinal : removed) {
      pairing.detailRemoved(ordinal);
    }
    ColumnMatching matching = pairs.withRelations(join(plan.relations()));
    ReportAssembler assembler =
        new ReportAssembler(
            oldReader,
            newReader,
            old,
            pairing,
            matching,
            key,
            alignment,
            oldRows,
            newRows,
            removed,
            options.detailRows());
    if (pairing.unreliableChanged() > 0) {
      newProblems.fileProblem(
          Severity.WARNING,
          pairing.unreliableChanged()
              + " changed rows were not read as written in one version (ragged rows, bytes that"
              + " could not be decoded): they count as edited rows, but their cells are left out"
              + " of the column comparisons and of the interventions");
    }
    List<org.fabrique.diff.report.InputProblem> problems = new ArrayList<>(oldProblems.problems());
    problems.addAll(newProblems.problems());
    return assembler.assemble(oldProblems.file(), newProblems.file(), problems);
  }

  /**
   * The comparison made again with a dictionary for every column, when one profiled without (its
   * first rows foretold more distinct values than a dictionary holds) held fewer: then it keeps its
   * exact counts, as if nothing had been foretold. The price, a second reading of both versions, is
   * paid only for a table whose first rows are unlike the rest.
   */
  private DiffReport withDictionaries() {
    return new TableComparison(oldFile, newFile, options, false).run();
  }

  /** The versions opened, the old version's table made ready, the passes planned. */
  private record Start(TableReader oldReader, TableReader newReader, OldTable old, Plan plan) {}

  /**
   * Opens both versions and plans the passes. The first rows are read here and let go on return
   * (but for what the relations being worked out keep): not copied by every collection during the
   * passes.
   */
  private Start start(ProblemLog oldProblems, ProblemLog newProblems) {
    // The new version is opened and its first rows read on another thread while this one does the
    // same for the old version, then makes room for it (its dictionaries, its key index).
    CompletableFuture<Opened> openingNew =
        CompletableFuture.supplyAsync(() -> Opened.of(newFile, newProblems));
    Opened oldSide = Opened.of(oldFile, oldProblems);
    TableReader oldReader = oldSide.reader();
    int expectedOldRows = expectedRows(oldFile, oldSide.sample());
    OldTable old =
        new OldTable(
            oldReader.header(),
            SAMPLE_ROWS,
            expectedOldRows,
            expectedValues(oldSide.sample(), expectedOldRows, foresight));
    Opened newSide = join(openingNew);
    TableReader newReader = newSide.reader();
    if (!oldReader.delimiter().isEmpty()
        && !newReader.delimiter().isEmpty()
        && !oldReader.delimiter().equals(newReader.delimiter())) {
      newProblems.fileProblem(
          Severity.INFO,
          "The versions use different delimiters ("
              + oldReader.delimiter()
              + ", then "
              + newReader.delimiter()
              + "); each was read with its own");
    }
    if (!oldReader.encoding().equals(newReader.encoding())
        && !oldReader.encoding().isEmpty()
        && !newReader.encoding().isEmpty()) {
      newProblems.fileProblem(
          Severity.INFO,
          "The versions use different encodings ("
              + oldReader.encoding()
              + ", then "
              + newReader.encoding()
              + "); each was decoded with its own");
    }
    return new Start(oldReader, newReader, old, plan(oldSide, newSide));
  }

  /**
   * What the first rows of both versions tell: the key, how rows are aligned, which columns match,
   * and the distinct values expected in each column of the new version (to size its dictionaries).
   */
  private record Plan(
      List<Pair> key,
      String alignment,
      ColumnMatching matching,
      CompletableFuture<Map<Integer, ColumnRelations.Relation>> relations,
      int[] newValues) {}

  /** A version opened, with its first rows. */
  private record Opened(TableReader reader, TableSample sample) {
    static Opened of(Path file, ProblemLog problems) {
      TableReader reader = TableReaders.open(file, problems);
      return new Opened(reader, TableSample.of(reader));
    }
  }

  /**
   * Plans the passes on the first rows of both versions. The relations of the kept columns on the
   * first rows are worked out while the passes run.
   */
  private Plan plan(Opened oldSide, Opened newSide) {
    TableSample oldSample = oldSide.sample();
    TableSample newSample = newSide.sample();
    List<Pair> named = ColumnMatcher.byName(oldSide.reader().header(), newSide.reader().header());
    List<Pair> key;
    String alignment;
    if (!options.keyColumns().isEmpty()) {
      key = givenKey(named);
      alignment = "given-key";
    } else {
      Optional<KeyDiscovery.Candidate> discovered =
          KeyDiscovery.discover(named, oldSample, newSample);
      key = discovered.map(KeyDiscovery.Candidate::columns).orElse(List.of());
      alignment = key.isEmpty() ? "row-hash" : "discovered-key";
    }
    ColumnMatcher.Pending pending = ColumnMatcher.matchColumns(named, key, oldSample, newSample);
    return new Plan(
        key,
        alignment,
        pending.matching(),
        CompletableFuture.supplyAsync(pending.relations()),
        expectedValues(newSample, expectedRows(newFile, newSample), foresight));
  }

  /**
   * Per column, the distinct values expected in the whole table (see ColumnProfile); without
   * foresight, never more than a dictionary holds.
   */
  private static int[] expectedValues(TableSample sample, int expectedRows, boolean foresight) {
    return sample.profiles().stream()
        .mapToInt(
            profile -> {
              int expected =
                  DistinctForecast.expectedValues(profile, sample.rows().size(), expectedRows);
              return foresight ? expected : Math.min(expected, ColumnProfile.DICTIONARY_LIMIT);
            })
        .toArray();
  }

  /** A column whose values are mostly of one type but not all: a problem worth knowing. */
  private static void reportMixedTypes(List<ColumnProfile> profiles, ProblemLog problems) {
    for (ColumnProfile profile : profiles) {
      long offType = profile.offTypeCount();
      if (offType == 0 || profile.type() == ValueType.TEXT && offType < profile.nonBlank()) {
        continue;
      }
      StringBuilder counts = new StringBuilder();
      for (ValueType type : ValueType.values()) {
        long count = profile.count(type);
        if (type != ValueType.EMPTY && count > 0) {
          counts
              .append(counts.length() == 0 ? "" : ", ")
              .append(count)
              .append(' ')
              .append(type.label());
        }
      }
      problems.columnProblem(
          profile.name(),
          Severity.WARNING,
          "The column mixes types (" + counts + "); values are compared as text");
    }
  }

  /** Rows expected in a file, from its size and the size of its first rows, to size the index. */
  private static int expectedRows(Path file, TableSample sample) {
    if (sample.rows().size() < TableSample.ROWS) {
      return Math.max(16, sample.rows().size());
    }
    long sampleChars = 0;
    for (String[] row : sample.rows()) {
      for (String cell : row) {
        sampleChars += cell.length() + 1;
      }
    }
    try {
      double estimate =
          java.nio.file.Files.size(file) / (double) sampleChars * sample.rows().size();
      return (int) Math.min(1 << 28, Math.max(16, estimate * 1.1));
    } catch (java.io.IOException e) {
      return 1 << 16;
    }
  }

  private List<Pair> givenKey(List<Pair> named) {
    List<Pair> key = new ArrayList<>();
    for (String column : options.keyColumns()) {
      Pair pair =
          named.stream()
              .filter(
                  candidate ->
                      candidate.newName().equals(column) || candidate.oldName().equals(column))
              .findFirst()
              .orElseThrow(
                  () ->
                      new DiffInputException(
                          "The key column '" + column + "' is not in both versions"));
      key.add(pair);
    }
    return key;
  }

  /** Old rows left unpaired; rows sharing a duplicated key are neither paired nor removed. */
  private static int[] removedRows(OldTable old, BitSet matched, boolean rowHash) {
    int[] removed = new int[old.rows() - matched.cardinality()];
    int count = 0;
    for (int row = matched.nextClearBit(0); row < old.rows(); row = matched.nextClearBit(row + 1)) {
      boolean duplicated =
          !rowHash
              && (old.index().next(row) >= 0 || old.index().first(old.keyFingerprint(row)) != row);
      if (!duplicated) {
        removed[count++] = row;
      }
    }
    return java.util.Arrays.copyOf(removed, count);
  }

  /**
   * The result of work done on another thread; its failure, when it is a runtime exception, as it
   * was thrown there (a refused input stays a refused input).
   */
  static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while comparing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
