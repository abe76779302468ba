package org.fabrique.diff.align;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.fabrique.diff.profile.Hashes;
import org.fabrique.diff.profile.ValueType;
import org.fabrique.diff.read.ProblemLog;
import org.fabrique.diff.read.TableReader;

/**
 * Streams a table through three stages on three threads, in batches of rows: (1) reading, which
 * also hashes and types every cell; (2) column work, which encodes each cell in its column's
 * dictionary; (3) row work on the calling thread (fingerprints, key index, pairing). Stage 2 and
 * stage 3 touch disjoint state, so parsing, encoding and pairing overlap on two cores and more.
 */
public final class Pipeline {
  private static final int BATCH = 2_048;
  private static final int QUEUED_BATCHES = 16;
  private static final Batch END =
      new Batch(new String[0][], new long[0][], new ValueType[0][], new int[0][], 0);

  /** Stage 2: encodes the cells of one row, column by column, and returns their codes. */
  @FunctionalInterface
  public interface ColumnStage {
    int[] encode(String[] cells, long[] hashes, ValueType[] types);
  }

  /**
   * Stage 3: receives one row with the hashes ({@link Hashes#of}) of its cells and the codes stage
   * 2 gave them.
   */
  @FunctionalInterface
  public interface RowStage {
    void accept(String[] cells, long[] hashes, int[] codes);
  }

  private record Batch(
      String[][] rows, long[][] hashes, ValueType[][] types, int[][] codes, int size) {}

  private Pipeline() {}

  public static long run(
      TableReader reader, ProblemLog problems, ColumnStage columns, RowStage rows) {
    BlockingQueue<Batch> read = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    BlockingQueue<Batch> encoded = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    long[] count = new long[1];
    RuntimeException[] failure = new RuntimeException[2];
    Thread reading =
        new Thread(() -> read(reader, problems, read, count, failure), "fabrique-diff-reader");
    Thread encoding =
        new Thread(
            () -> {
              try {
                Batch batch;
                while ((batch = read.take()) != END) {
                  for (int index = 0; index < batch.size(); index++) {
                    batch.codes()[index] =
                        columns.encode(
                            batch.rows()[index], batch.hashes()[index], batch.types()[index]);
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
        for (int index = 0; index < batch.size(); index++) {
          rows.accept(batch.rows()[index], batch.hashes()[index], batch.codes()[index]);
        }
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
      BlockingQueue<Batch> queue,
      long[] count,
      RuntimeException[] failure) {
    String[][] rows = new String[BATCH][];
    long[][] hashes = new long[BATCH][];
    ValueType[][] types = new ValueType[BATCH][];
    int[] size = {0};
    try {
      count[0] =
          reader.read(
              (cells, rowNumber) -> {
                long[] cellHashes = new long[cells.length];
                ValueType[] cellTypes = new ValueType[cells.length];
                for (int column = 0; column < cells.length; column++) {
                  cellHashes[column] = Hashes.of(cells[column]);
                  cellTypes[column] = ValueType.of(cells[column]);
                }
                hashes[size[0]] = cellHashes;
                types[size[0]] = cellTypes;
                rows[size[0]++] = cells;
                if (size[0] == BATCH) {
                  put(
                      queue,
                      new Batch(
                          rows.clone(), hashes.clone(), types.clone(), new int[BATCH][], BATCH));
                  size[0] = 0;
                }
                return true;
              },
              problems);
      if (size[0] > 0) {
        put(
            queue,
            new Batch(rows.clone(), hashes.clone(), types.clone(), new int[size[0]][], size[0]));
      }
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
