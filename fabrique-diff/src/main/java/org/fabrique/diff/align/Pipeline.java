package org.fabrique.diff.align;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.fabrique.diff.profile.Hashes;
import org.fabrique.diff.read.CellBatch;
import org.fabrique.diff.read.ProblemLog;
import org.fabrique.diff.read.TableReader;

/**
 * Streams a table through three stages on three threads, in batches of rows: (1) reading, which
 * also hashes and types every cell (without making strings of them) and fingerprints every row; (2)
 * column work, which encodes each cell in its column's dictionary (the reading stage also looks up
 * each row's key in the old version's index, when given one); (3) row work on the calling thread
 * (key index, pairing). Stage 2 and stage 3 touch disjoint state, so parsing, encoding and pairing
 * overlap on two cores and more.
 */
public final class Pipeline {
  private static final int BATCH = 2_048;
  private static final long ROW_MULTIPLIER = 0xC2B2AE3D27D4EB4FL;
  private static final int QUEUED_BATCHES = 4;
  private static final Batch END = new Batch(null, 0);

  /** A probe that finds no row for any key: for a pass that pairs nothing. */
  public static final KeyProbe NO_PROBE = key -> -1;

  /**
   * Stage 2: encodes the cells of one row, column by column, and writes their codes (with any
   * further ints stage 3 needs) into the batch's codes, a fixed number of ints per row. Stage 2
   * must not touch the state stage 3 writes.
   */
  @FunctionalInterface
  public interface ColumnStage {
    /** Writes the row's ints at {@code codes[at]} onwards ({@code codesPerRow} of them). */
    void encode(CellBatch batch, int row, long content, long key, int probed, int[] codes, int at);
  }

  /**
   * Stage 1, once a batch is read: looks up each row's key fingerprint in a structure no stage
   * writes during the pass (the old version's key index), in one tight loop per batch so that the
   * cache misses of successive lookups overlap. Its result reaches stage 2 as {@code probed}.
   */
  @FunctionalInterface
  public interface KeyProbe {
    int probe(long key);
  }

  /**
   * Stage 3: receives the rows of a batch (with the hashes ({@link Hashes#of}) of their cells), the
   * codes stage 2 gave each (row after row, {@code codesPerRow} ints each: valid only during the
   * call, the arrays serve the next batches), and their fingerprints ({@link #contentFingerprint},
   * {@link #keyFingerprint}), a batch at a time so that it can work through a large structure in a
   * tight loop.
   */
  @FunctionalInterface
  public interface RowStage {
    void accept(CellBatch batch, int[] codes, long[] contents, long[] keys);
  }

  /**
   * A batch of rows with what the stages work out for them. Batches go round: once stage 3 is done
   * with one, the reader fills it again, so that a pass allocates a few batches, not one per 2,048
   * rows (fresh memory costs more than the work done in it).
   */
  private static final class Batch {
    private CellBatch cells;
    private final int[] codes;
    private final long[] contents = new long[BATCH];
    private final long[] keys = new long[BATCH];
    private final int[] probed = new int[BATCH];

    private Batch(CellBatch cells, int codesPerRow) {
      this.cells = cells;
      codes = new int[BATCH * codesPerRow];
    }
  }

  private Pipeline() {}

  /**
   * The fingerprint of a row's compared cells, in the order given: a polynomial over their hashes
   * (one multiplication per cell), then one finaliser.
   */
  public static long contentFingerprint(CellBatch batch, int row, int[] contentColumns) {
    long content = 0x9E3779B97F4A7C15L;
    for (int column : contentColumns) {
      content = content * ROW_MULTIPLIER + batch.hash(row, column);
    }
    return Hashes.mix(content);
  }

  /** The fingerprint of a row's key cells; without key columns, its content fingerprint. */
  public static long keyFingerprint(CellBatch batch, int row, int[] keyColumns, long content) {
    if (keyColumns.length == 0) {
      return content;
    }
    long key = 0x2545F4914F6CDD1DL;
    for (int column : keyColumns) {
      key = key * ROW_MULTIPLIER + batch.hash(row, column);
    }
    return Hashes.mix(key);
  }

  /**
   * @param contentColumns the columns whose hashes make a row's content fingerprint
   * @param keyColumns the columns whose hashes make a row's key fingerprint (empty: the content)
   * @param codesPerRow the ints stage 2 writes per row
   */
  public static long run(
      TableReader reader,
      ProblemLog problems,
      int[] contentColumns,
      int[] keyColumns,
      KeyProbe probe,
      int codesPerRow,
      ColumnStage columns,
      RowStage rows) {
    BlockingQueue<Batch> read = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    BlockingQueue<Batch> encoded = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    // Batches go round: stage 3 hands them back to the reader once it is done with their rows.
    BlockingQueue<Batch> free = new ArrayBlockingQueue<>(2 * QUEUED_BATCHES + 4);
    long[] count = new long[1];
    RuntimeException[] failure = new RuntimeException[2];
    int[] content = contentColumns.clone();
    int[] key = keyColumns.clone();
    Thread reading =
        new Thread(
            () ->
                read(
                    reader, problems, content, key, probe, codesPerRow, read, free, count, failure),
            "fabrique-diff-reader");
    Thread encoding =
        new Thread(
            () -> {
              try {
                Batch batch;
                while ((batch = read.take()) != END) {
                  CellBatch cells = batch.cells;
                  for (int row = 0; row < cells.rows(); row++) {
                    columns.encode(
                        cells,
                        row,
                        batch.contents[row],
                        batch.keys[row],
                        batch.probed[row],
                        batch.codes,
                        row * codesPerRow);
                  }
                  encoded.put(batch);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                failure[1] = e;
              } finally {
                put(encoded, END);
              }
            },
            "fabrique-diff-encoder");
    reading.setDaemon(true);
    encoding.setDaemon(true);
    reading.start();
    encoding.start();
    try {
      Batch batch;
      while ((batch = encoded.take()) != END) {
        rows.accept(batch.cells, batch.codes, batch.contents, batch.keys);
        free.offer(batch);
      }
      reading.join();
      encoding.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reading.interrupt();
      encoding.interrupt();
      throw new IllegalStateException("Interrupted while comparing", e);
    }
    for (RuntimeException stageFailure : failure) {
      if (stageFailure != null) {
        throw stageFailure;
      }
    }
    return count[0];
  }

  private static void read(
      TableReader reader,
      ProblemLog problems,
      int[] contentColumns,
      int[] keyColumns,
      KeyProbe probe,
      int codesPerRow,
      BlockingQueue<Batch> queue,
      BlockingQueue<Batch> free,
      long[] count,
      RuntimeException[] failure) {
    // The reader makes the first batch of cells; the others come back through the free queue.
    Batch[] current = {new Batch(null, codesPerRow)};
    try {
      count[0] =
          reader.read(
              BATCH,
              full -> {
                Batch batch = current[0];
                batch.cells = full;
                int size = full.rows();
                for (int row = 0; row < size; row++) {
                  batch.contents[row] = contentFingerprint(full, row, contentColumns);
                  batch.keys[row] = keyFingerprint(full, row, keyColumns, batch.contents[row]);
                }
                if (probe == NO_PROBE) {
                  Arrays.fill(batch.probed, 0, size, -1);
                } else {
                  for (int row = 0; row < size; row++) {
                    batch.probed[row] = probe.probe(batch.keys[row]);
                  }
                }
                put(queue, batch);
                Batch next = free.poll();
                if (next == null) {
                  // Sized on the batch just read, with room for longer rows.
                  int text = full.textLength() + full.textLength() / 8;
                  next = new Batch(new CellBatch(full.width(), BATCH, text), codesPerRow);
                } else {
                  next.cells.clear();
                }
                current[0] = next;
                return next.cells;
              },
              problems);
    } catch (RuntimeException e) {
      failure[0] = e;
    } finally {
      put(queue, END);
    }
  }

  private static void put(BlockingQueue<Batch> queue, Batch batch) {
    try {
      queue.put(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading", e);
    }
  }
}
