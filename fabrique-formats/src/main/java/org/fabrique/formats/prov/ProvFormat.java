package org.fabrique.formats.prov;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The PROV serialisations Fabrique writes. */
public enum ProvFormat {
  PROVN("provn", "text/provenance-notation"),
  JSON("json", "application/json"),
  JSONLD("jsonld", "application/ld+json"),
  TURTLE("ttl", "text/turtle");

  private final String id;
  private final String mediaType;

  ProvFormat(String id, String mediaType) {
    this.id = id;
    this.mediaType = mediaType;
  }

  public String id() {
    return id;
  }

  public String mediaType() {
    return mediaType;
  }

  public static Optional<ProvFormat> fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
  }
}
