package org.fabrique.diff.align;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.fabrique.diff.read.ProblemLog;
import org.fabrique.diff.read.TableReader;

/**
 * Reads a table on one thread and hands its rows in batches to a consumer on the calling thread, so
 * that parsing and comparing run on two cores.
 */
public final class Pipeline {
  private static final int BATCH = 2_048;
  private static final Batch END = new Batch(new String[0][], 0);

  /** Receives the rows of one batch. */
  @FunctionalInterface
  public interface RowConsumer {
    void accept(String[] cells);
  }

  private record Batch(String[][] rows, int size) {}

  private Pipeline() {}

  public static long run(TableReader reader, ProblemLog problems, RowConsumer consumer) {
    BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(32);
    long[] count = new long[1];
    RuntimeException[] failure = new RuntimeException[1];
    Thread producer =
        new Thread(
            () -> {
              String[][] rows = new String[BATCH][];
              int[] size = {0};
              try {
                count[0] =
                    reader.read(
                        (cells, rowNumber) -> {
                          rows[size[0]++] = cells;
                          if (size[0] == BATCH) {
                            put(queue, new Batch(rows.clone(), BATCH));
                            size[0] = 0;
                          }
                          return true;
                        },
                        problems);
                if (size[0] > 0) {
                  put(queue, new Batch(rows.clone(), size[0]));
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
          consumer.accept(batch.rows()[index]);
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
