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
      new Batch(
          new String[0][],
          new long[0][],
          new ValueType[0][],
          new int[0][],
          new long[0],
          new long[0],
          0);

  /**
   * Stage 2: encodes the cells of one row, column by column, and returns their codes (with any
   * further ints stage 3 needs). Stage 2 must not touch the state stage 3 writes.
   */
  @FunctionalInterface
  public interface ColumnStage {
    int[] encode(String[] cells, long[] hashes, ValueType[] types, long content, long key);
  }

  /**
   * Stage 3: receives one row with the hashes ({@link Hashes#of}) of its cells, the codes stage 2
   * gave them, and the row's fingerprints ({@link #contentFingerprint}, {@link #keyFingerprint}).
   */
  @FunctionalInterface
  public interface RowStage {
    void accept(String[] cells, long[] hashes, int[] codes, long content, long key);
  }

  private record Batch(
      String[][] rows,
      long[][] hashes,
      ValueType[][] types,
      int[][] codes,
      long[] contents,
      long[] keys,
      int size) {}

  /** The fingerprint of a row's compared cells, in the order given. */
  public static long contentFingerprint(long[] hashes, int[] contentColumns) {
    long content = 0x9E3779B97F4A7C15L;
    for (int column : contentColumns) {
      content = Hashes.combine(content, hashes[column]);
    }
    return content;
  }

  /** The fingerprint of a row's key cells; without key columns, its content fingerprint. */
  public static long keyFingerprint(long[] hashes, int[] keyColumns, long content) {
    if (keyColumns.length == 0) {
      return content;
    }
    long key = 0x2545F4914F6CDD1DL;
    for (int column : keyColumns) {
      key = Hashes.combine(key, hashes[column]);
    }
    return key;
  }

  private Pipeline() {}

  /**
   * @param contentColumns the columns whose hashes make a row's content fingerprint
   * @param keyColumns the columns whose hashes make a row's key fingerprint (empty: the content)
   */
  public static long run(
      TableReader reader,
      ProblemLog problems,
      int[] contentColumns,
      int[] keyColumns,
      ColumnStage columns,
      RowStage rows) {
    BlockingQueue<Batch> read = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    BlockingQueue<Batch> encoded = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    long[] count = new long[1];
    RuntimeException[] failure = new RuntimeException[2];
    int[] content = contentColumns.clone();
    int[] key = keyColumns.clone();
    Thread reading =
        new Thread(
            () -> read(reader, problems, content, key, read, count, failure),
            "fabrique-diff-reader");
    Thread encoding =
        new Thread(
            () -> {
              try {
                Batch batch;
                while ((batch = read.take()) != END) {
                  for (int index = 0; index < batch.size(); index++) {
                    batch.codes()[index] =
                        columns.encode(
                            batch.rows()[index],
                            batch.hashes()[index],
                            batch.types()[index],
                            batch.contents()[index],
                            batch.keys()[index]);
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
          rows.accept(
              batch.rows()[index],
              batch.hashes()[index],
              batch.codes()[index],
              batch.contents()[index],
              batch.keys()[index]);
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
      int[] contentColumns,
      int[] keyColumns,
      BlockingQueue<Batch> queue,
      long[] count,
      RuntimeException[] failure) {
    String[][] rows = new String[BATCH][];
    long[][] hashes = new long[BATCH][];
    ValueType[][] types = new ValueType[BATCH][];
    long[][] fingerprints = {new long[BATCH], new long[BATCH]};
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
                long content = contentFingerprint(cellHashes, contentColumns);
                fingerprints[0][size[0]] = content;
                fingerprints[1][size[0]] = keyFingerprint(cellHashes, keyColumns, content);
                hashes[size[0]] = cellHashes;
                types[size[0]] = cellTypes;
                rows[size[0]++] = cells;
                if (size[0] == BATCH) {
                  put(
                      queue,
                      new Batch(
                          rows.clone(),
                          hashes.clone(),
                          types.clone(),
                          new int[BATCH][],
                          fingerprints[0],
                          fingerprints[1],
                          BATCH));
                  fingerprints[0] = new long[BATCH];
                  fingerprints[1] = new long[BATCH];
                  size[0] = 0;
                }
                return true;
              },
              problems);
      if (size[0] > 0) {
        put(
            queue,
            new Batch(
                rows.clone(),
                hashes.clone(),
                types.clone(),
                new int[size[0]][],
                fingerprints[0],
                fingerprints[1],
                size[0]));
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
