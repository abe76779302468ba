package org.fabrique.diff.align;

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
  private static final int QUEUED_BATCHES = 16;
  private static final Batch END =
      new Batch(new CellBatch(1, 1), new int[0][], new long[0], null, null);

  /** A probe that finds no row for any key: for a pass that pairs nothing. */
  public static final KeyProbe NO_PROBE = key -> -1;

  /**
   * Stage 2: encodes the cells of one row, column by column, and returns their codes (with any
   * further ints stage 3 needs). Stage 2 must not touch the state stage 3 writes.
   */
  @FunctionalInterface
  public interface ColumnStage {
    int[] encode(CellBatch batch, int row, long content, long key, int probed);
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
   * codes stage 2 gave each, and their fingerprints ({@link #contentFingerprint}, {@link
   * #keyFingerprint}), a batch at a time so that it can work through a large structure in a tight
   * loop.
   */
  @FunctionalInterface
  public interface RowStage {
    void accept(CellBatch batch, int[][] codes, long[] contents, long[] keys);
  }

  private record Batch(
      CellBatch cells, int[][] codes, long[] contents, long[] keys, int[] probed) {}

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
   */
  public static long run(
      TableReader reader,
      ProblemLog problems,
      int[] contentColumns,
      int[] keyColumns,
      KeyProbe probe,
      ColumnStage columns,
      RowStage rows) {
    BlockingQueue<Batch> read = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    BlockingQueue<Batch> encoded = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    // Batches go round: stage 3 hands them back to the reader once it is done with their rows.
    BlockingQueue<CellBatch> free = new ArrayBlockingQueue<>(2 * QUEUED_BATCHES + 4);
    long[] count = new long[1];
    RuntimeException[] failure = new RuntimeException[2];
    int[] content = contentColumns.clone();
    int[] key = keyColumns.clone();
    Thread reading =
        new Thread(
            () -> read(reader, problems, content, key, probe, read, free, count, failure),
            "fabrique-diff-reader");
    Thread encoding =
        new Thread(
            () -> {
              try {
                Batch batch;
                while ((batch = read.take()) != END) {
                  CellBatch cells = batch.cells();
                  for (int row = 0; row < batch.codes().length; row++) {
                    batch.codes()[row] =
                        columns.encode(
                            cells,
                            row,
                            batch.contents()[row],
                            batch.keys()[row],
                            batch.probed()[row]);
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
        rows.accept(batch.cells(), batch.codes(), batch.contents(), batch.keys());
        free.offer(batch.cells());
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
      BlockingQueue<Batch> queue,
      BlockingQueue<CellBatch> free,
      long[] count,
      RuntimeException[] failure) {
    try {
      count[0] =
          reader.read(
              BATCH,
              full -> {
                int size = full.rows();
                long[] contents = new long[size];
                long[] keys = new long[size];
                for (int row = 0; row < size; row++) {
                  contents[row] = contentFingerprint(full, row, contentColumns);
                  keys[row] = keyFingerprint(full, row, keyColumns, contents[row]);
                }
                int[] probed = new int[size];
                if (probe != NO_PROBE) {
                  for (int row = 0; row < size; row++) {
                    probed[row] = probe.probe(keys[row]);
                  }
                }
                put(queue, new Batch(full, new int[size][], contents, keys, probed));
                CellBatch next = free.poll();
                if (next == null) {
                  return new CellBatch(full.width(), BATCH);
                }
                next.clear();
                return next;
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
