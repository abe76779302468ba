package org.fabrique.formats.journey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.fabrique.core.journey.Evidence;

/** Opaque, checkable identifiers of evidence for exports that must not carry quotes. */
public final class Checksums {
  private Checksums() {}

  /** SHA-256 of the quote (UTF-8) for a passage; for a whole source, the source's text digest. */
  public static String of(Evidence evidence, String sourceDigest) {
    if (evidence.span().isEmpty()) {
      return sourceDigest == null ? "" : sourceDigest;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(evidence.quote().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }
}
