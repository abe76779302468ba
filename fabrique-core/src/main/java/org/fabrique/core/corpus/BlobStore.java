package org.fabrique.core.corpus;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/**
 * Immutable files by SHA-256 digest (lower-case hex): original files and plain texts. Writing the
 * same content twice keeps one copy. Blobs are deleted only by a purge or when nothing, not even
 * the history, refers to them.
 */
public interface BlobStore {

  /** Stores a file's bytes and returns their digest. */
  String put(Path file);

  /** Stores bytes and returns their digest. */
  String put(byte[] content);

  /**
   * Opens a blob for reading.
   *
   * @throws org.fabrique.core.error.NotFoundException when there is no such blob
   */
  InputStream open(String digest);

  /** Reads a whole blob. */
  byte[] read(String digest);

  boolean contains(String digest);

  /**
   * Deletes a blob (a purge, or an orphan no source refers to).
   *
   * @return whether there was such a blob
   */
  boolean delete(String digest);

  /** The digest of every blob stored before an instant. */
  Set<String> digestsStoredBefore(Instant instant);

  /**
   * Removes the partial files an interrupted write left behind before an instant (a write under way
   * now is left alone).
   *
   * @return how many were removed
   */
  int removePartialFiles(Instant before);
}
