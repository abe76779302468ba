package org.fabrique.store.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.redaction.IdentifierCategory;
import org.fabrique.core.redaction.KeyTableFiles;
import org.fabrique.core.redaction.PseudonymEntry;

/**
 * Key tables in the envelope of encrypted backups ({@link BackupCrypto}: Argon2id, Tink's streaming
 * AES-256-GCM-HKDF, the header authenticated): inside, one JSON document of kind {@value #KIND}. A
 * key table is never written unencrypted.
 */
public final class EncryptedKeyTables implements KeyTableFiles {
  static final String KIND = "fabrique-key-table";

  /** Jackson loads when a key table is first sealed or opened, not with every command. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final BackupCrypto.Cost cost;

  public EncryptedKeyTables() {
    this(BackupCrypto.Cost.DEFAULT);
  }

  EncryptedKeyTables(BackupCrypto.Cost cost) {
    this.cost = cost;
  }

  /** With a cheap derivation of the key, for tests only. */
  public static EncryptedKeyTables forTests() {
    return new EncryptedKeyTables(new BackupCrypto.Cost(8, 1, 1));
  }

  @Override
  public void write(List<PseudonymEntry> entries, char[] passphrase, OutputStream out) {
    if (passphrase == null || passphrase.length == 0) {
      throw new InvalidInputException("A passphrase cannot be empty");
    }
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("kind", KIND);
    ArrayNode lines = root.putArray("entries");
    for (PseudonymEntry e : entries) {
      lines
          .addObject()
          .put("id", e.id())
          .put("inquiry", e.inquiryId().value())
          .put("category", e.category().id())
          .put("valueKey", e.valueKey())
          .put("value", e.value())
          .put("pseudonym", e.pseudonym())
          .put("ordinal", e.ordinal());
    }
    try {
      OutputStream sealed = BackupCrypto.wrap(out, passphrase, cost);
      sealed.write(Json.MAPPER.writeValueAsBytes(root));
      sealed.close();
    } catch (IOException e) {
      throw new UncheckedIOException("The key table cannot be written", e);
    }
  }

  @Override
  public List<PseudonymEntry> read(InputStream in, char[] passphrase) {
    byte[] plain;
    try {
      BackupCrypto.Header header;
      try {
        header = BackupCrypto.readHeader(in);
      } catch (InvalidInputException e) {
        throw new InvalidInputException("This file is not an encrypted key table", e);
      }
      if (!header.encrypted()) {
        throw new InvalidInputException("This file is not an encrypted key table");
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (InputStream body = BackupCrypto.unwrap(in, header, passphrase)) {
        body.transferTo(bytes);
      } catch (IOException e) {
        throw new InvalidInputException(
            "The key table cannot be decrypted: the passphrase is wrong, or the file was changed"
                + " or cut short",
            e);
      }
      plain = bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("The key table cannot be read", e);
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(plain);
    } catch (IOException e) {
      throw new InvalidInputException("This file is not an encrypted key table", e);
    }
    if (root == null || !KIND.equals(root.path("kind").asText())) {
      throw new InvalidInputException("This file is not an encrypted key table");
    }
    List<PseudonymEntry> entries = new ArrayList<>();
    for (JsonNode e : root.path("entries")) {
      entries.add(
          new PseudonymEntry(
              e.path("id").asLong(),
              new InquiryId(e.path("inquiry").asLong()),
              IdentifierCategory.fromId(e.path("category").asText())
                  .orElseThrow(
                      () -> new InvalidInputException("This file is not an encrypted key table")),
              e.path("valueKey").asText(),
              e.path("value").asText(),
              e.path("pseudonym").asText(),
              e.path("ordinal").asInt()));
    }
    return entries;
  }
}
