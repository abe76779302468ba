package org.fabrique.diff.align;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.fabrique.diff.profile.Hashes;
import org.fabrique.diff.profile.ValueType;
import org.fabrique.diff.read.ProblemLog;
import org.fabrique.diff.read.TableReader;

/**
 * Reads a table on one thread and hands its rows in batches to a consumer on the calling thread, so
 * that parsing and comparing run on two cores.
 */
public final class Pipeline {
  private static final int BATCH = 2_048;
  private static final Batch END = new Batch(new String[0][], new long[0][], new ValueType[0][], 0);

  /**
   * Receives one row with the hashes ({@link Hashes#of}) and types ({@link ValueType#of}) of its
   * cells, worked out while reading.
   */
  @FunctionalInterface
  public interface RowConsumer {
    void accept(String[] cells, long[] hashes, ValueType[] types);
  }

  private record Batch(String[][] rows, long[][] hashes, ValueType[][] types, int size) {}

  private Pipeline() {}

  public static long run(TableReader reader, ProblemLog problems, RowConsumer consumer) {
    BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(32);
    long[] count = new long[1];
    RuntimeException[] failure = new RuntimeException[1];
    Thread producer =
        new Thread(
            () -> {
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
                                new Batch(rows.clone(), hashes.clone(), types.clone(), BATCH));
                            size[0] = 0;
                          }
                          return true;
                        },
                        problems);
                if (size[0] > 0) {
                  put(queue, new Batch(rows.clone(), hashes.clone(), types.clone(), size[0]));
                }
              } catch (RuntimeException e) {
                failure[0] = e;
              } finally {
                put(queue, END);
              }
            },
            "fabrique-diff-reader");
    producer.setDaemon(true);
    producer.start();
    try {
      while (true) {
        Batch batch = queue.take();
        if (batch == END) {
          break;
        }
        for (int index = 0; index < batch.size(); index++) {
          consumer.accept(batch.rows()[index], batch.hashes()[index], batch.types()[index]);
        }
      }
      producer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      producer.interrupt();
      throw new IllegalStateException("Interrupted while comparing", e);
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    return count[0];
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
