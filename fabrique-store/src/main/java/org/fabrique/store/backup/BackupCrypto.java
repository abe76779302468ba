package org.fabrique.store.backup;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.util.SecretBytes;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.fabrique.core.error.InvalidInputException;

/**
 * The envelope of a backup file. A header (magic, format version, whether it is encrypted, and for
 * an encrypted file the Argon2id parameters and salt) then the archive: as it is, or encrypted by
 * Google Tink's streaming AEAD (AES-256-GCM-HKDF, 1 MB segments, every segment authenticated, the
 * end of the stream too, so that a truncated or changed file is refused) under a key derived from
 * the passphrase by Argon2id (Bouncy Castle). The header is the associated data: changing it breaks
 * the first segment. No cryptography is written here, only the composition of the two libraries.
 */
final class BackupCrypto {
  static final byte[] MAGIC = "FABRIQUE-BACKUP\n".getBytes(StandardCharsets.US_ASCII);
  static final int FORMAT = 1;
  private static final int SALT_BYTES = 16;
  private static final int KEY_BYTES = 32;
  private static final int SEGMENT_BYTES = 1 << 20;

  /**
   * The cost of deriving the key: memory in KiB, passes, lanes (OWASP's Argon2id minimum and more).
   */
  record Cost(int memoryKib, int iterations, int parallelism) {
    static final Cost DEFAULT = new Cost(64 * 1024, 3, 1);
  }

  /** What the header says. */
  record Header(boolean encrypted, Cost cost, byte[] salt, byte[] bytes) {}

  private BackupCrypto() {}

  /** Writes the header and returns the stream the archive is written to. */
  static OutputStream wrap(OutputStream out, char[] passphrase, Cost cost) throws IOException {
    byte[] salt = new byte[SALT_BYTES];
    new SecureRandom().nextBytes(salt);
    byte[] header = header(true, cost, salt);
    out.write(header);
    try {
      return aead(key(passphrase, salt, cost)).newEncryptingStream(out, header);
    } catch (GeneralSecurityException e) {
      throw new IOException("The backup cannot be encrypted", e);
    }
  }

  /** Writes the header of an archive that is not encrypted. */
  static void writePlainHeader(OutputStream out) throws IOException {
    out.write(header(false, Cost.DEFAULT, new byte[0]));
  }

  static Header readHeader(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    byte[] magic = new byte[MAGIC.length];
    try {
      data.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new InvalidInputException("This file is not a Fabrique backup");
      }
      int format = data.readInt();
      if (format != FORMAT) {
        throw new InvalidInputException(
            "This backup has format " + format + ", which this Fabrique cannot read");
      }
      boolean encrypted = data.readBoolean();
      if (!encrypted) {
        return new Header(
            false, Cost.DEFAULT, new byte[0], header(false, Cost.DEFAULT, new byte[0]));
      }
      Cost cost = new Cost(data.readInt(), data.readInt(), data.readInt());
      if (cost.memoryKib() < 8
          || cost.memoryKib() > 4 * 1024 * 1024
          || cost.iterations() < 1
          || cost.iterations() > 100
          || cost.parallelism() < 1
          || cost.parallelism() > 64) {
        throw new InvalidInputException("The header of this backup is damaged");
      }
      int saltLength = data.readUnsignedByte();
      if (saltLength != SALT_BYTES) {
        throw new InvalidInputException("The header of this backup is damaged");
      }
      byte[] salt = new byte[saltLength];
      data.readFully(salt);
      return new Header(true, cost, salt, header(true, cost, salt));
    } catch (java.io.EOFException e) {
      throw new InvalidInputException("This backup is incomplete (it ends in its header)", e);
    }
  }

  /** The stream of the decrypted archive; reading fails when the file was changed or cut. */
  static InputStream unwrap(InputStream in, Header header, char[] passphrase) throws IOException {
    try {
      return aead(key(passphrase, header.salt(), header.cost()))
          .newDecryptingStream(in, header.bytes());
    } catch (GeneralSecurityException e) {
      throw new IOException("The backup cannot be decrypted", e);
    }
  }

  private static byte[] header(boolean encrypted, Cost cost, byte[] salt) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(bytes);
    data.write(MAGIC);
    data.writeInt(FORMAT);
    data.writeBoolean(encrypted);
    if (encrypted) {
      data.writeInt(cost.memoryKib());
      data.writeInt(cost.iterations());
      data.writeInt(cost.parallelism());
      data.writeByte(salt.length);
      data.write(salt);
    }
    data.flush();
    return bytes.toByteArray();
  }

  private static byte[] key(char[] passphrase, byte[] salt, Cost cost) {
    if (passphrase.length == 0) {
      throw new InvalidInputException("A backup passphrase cannot be empty");
    }
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(passphrase));
    byte[] secret = new byte[encoded.remaining()];
    encoded.get(secret);
    Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
    argon2.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(cost.memoryKib())
            .withIterations(cost.iterations())
            .withParallelism(cost.parallelism())
            .build());
    byte[] key = new byte[KEY_BYTES];
    argon2.generateBytes(secret, key);
    Arrays.fill(secret, (byte) 0);
    return key;
  }

  private static StreamingAead aead(byte[] key) throws GeneralSecurityException {
    try {
      AesGcmHkdfStreamingParameters parameters =
          AesGcmHkdfStreamingParameters.builder()
              .setKeySizeBytes(KEY_BYTES)
              .setDerivedAesGcmKeySizeBytes(KEY_BYTES)
              .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
              .setCiphertextSegmentSizeBytes(SEGMENT_BYTES)
              .build();
      return AesGcmHkdfStreaming.create(
          AesGcmHkdfStreamingKey.create(
              parameters, SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())));
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }
}
