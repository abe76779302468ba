package org.fabrique.core.corpus;

/** Told of the progress of a batch import, file by file. */
@FunctionalInterface
public interface ImportProgress {
  ImportProgress NONE = (done, total, fileName) -> {};

  /**
   * Called before each file and once more at the end.
   *
   * @param done the number of files finished
   * @param total the number of files in the batch
   * @param fileName the file about to be imported, or empty at the end
   */
  void update(int done, int total, String fileName);
}
