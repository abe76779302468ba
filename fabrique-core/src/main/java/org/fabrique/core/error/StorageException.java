package org.fabrique.core.error;

/** The database, index or file store failed (HTTP 500, CLI exit 1). */
public class StorageException extends FabriqueException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
