package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.redaction.IdentifierCategory;
import org.fabrique.core.redaction.PseudonymEntry;
import org.fabrique.store.backup.EncryptedKeyTables;
import org.junit.jupiter.api.Test;

/** The key table leaves only encrypted, and only its passphrase opens it. */
class EncryptedKeyTablesTest {
  private static final List<PseudonymEntry> TABLE =
      List.of(
          new PseudonymEntry(
              7,
              new InquiryId(1),
              IdentifierCategory.PERSON,
              "marie zoltravinska",
              "Marie Zoltravinska",
              "Informant F3",
              3));

  private final EncryptedKeyTables files = EncryptedKeyTables.forTests();

  private byte[] written(String passphrase) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    files.write(TABLE, passphrase.toCharArray(), out);
    return out.toByteArray();
  }

  @Test
  void theRightPassphraseReadsTheTableBackAndTheFileHoldsNoRealValue() {
    byte[] file = written("correct horse");
    String bytes = new String(file, StandardCharsets.ISO_8859_1);
    assertFalse(bytes.contains("Zoltravinska"), "the real value is encrypted");
    assertFalse(bytes.contains("Informant"), "the pseudonym too");
    assertTrue(bytes.startsWith("FABRIQUE-BACKUP\n"), "the envelope of encrypted backups");
    assertEquals(TABLE, files.read(new ByteArrayInputStream(file), "correct horse".toCharArray()));
  }

  @Test
  void aWrongPassphraseAChangedFileOrAnEmptyPassphraseIsRefused() {
    byte[] file = written("correct horse");
    InvalidInputException wrong =
        assertThrows(
            InvalidInputException.class,
            () -> files.read(new ByteArrayInputStream(file), "battery staple".toCharArray()));
    assertTrue(wrong.getMessage().contains("passphrase is wrong"), wrong.getMessage());
    byte[] changed = Arrays.copyOf(file, file.length);
    changed[changed.length - 3] ^= 1;
    assertThrows(
        InvalidInputException.class,
        () -> files.read(new ByteArrayInputStream(changed), "correct horse".toCharArray()));
    assertThrows(
        InvalidInputException.class,
        () ->
            files.read(
                new ByteArrayInputStream("not a table".getBytes(StandardCharsets.UTF_8)),
                "correct horse".toCharArray()));
    assertThrows(InvalidInputException.class, () -> written(""));
  }
}
