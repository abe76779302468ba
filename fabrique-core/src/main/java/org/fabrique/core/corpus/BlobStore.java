package org.fabrique.core.corpus;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Immutable files by SHA-256 digest (lower-case hex): original files and plain texts. Writing the
 * same content twice keeps one copy. Blobs are never deleted while the history may need them.
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
}
