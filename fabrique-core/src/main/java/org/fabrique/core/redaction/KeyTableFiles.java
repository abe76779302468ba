package org.fabrique.core.redaction;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The key table of an inquiry (real values and their pseudonyms) as an encrypted file, in the
 * envelope of encrypted backups: a passphrase, a key derived from it, the content authenticated, so
 * that a wrong passphrase or a changed file is refused. The store brings it; the key table never
 * leaves Fabrique otherwise.
 */
public interface KeyTableFiles {

  /**
   * Writes the entries, encrypted with the passphrase.
   *
   * @throws org.fabrique.core.error.InvalidInputException when the passphrase is empty
   */
  void write(List<PseudonymEntry> entries, char[] passphrase, OutputStream out);

  /**
   * Reads the entries of a file {@link #write} wrote.
   *
   * @throws org.fabrique.core.error.InvalidInputException when the passphrase is wrong, or the file
   *     is not a key table, was changed or cut short
   */
  List<PseudonymEntry> read(InputStream in, char[] passphrase);

  /** When the store brings none: every use fails with a message saying so. */
  static KeyTableFiles unavailable() {
    return new KeyTableFiles() {
      @Override
      public void write(List<PseudonymEntry> entries, char[] passphrase, OutputStream out) {
        throw new IllegalStateException("No encryption of key tables is configured");
      }

      @Override
      public List<PseudonymEntry> read(InputStream in, char[] passphrase) {
        throw new IllegalStateException("No encryption of key tables is configured");
      }
    };
  }
}
