package org.fabrique.web;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * How the web interface runs.
 *
 * @param dataDir the data directory; uploads wait in its {@code uploads} folder while they are
 *     imported
 * @param maxUploadBytes the largest upload accepted in one request
 * @param zone the time zone in which dates and times are shown
 * @param devAssets in development, a folder from which CSS and JavaScript are served afresh at each
 *     request instead of from the jar (for instance {@code fabrique-web/src/main/resources/static})
 */
public record WebConfig(Path dataDir, long maxUploadBytes, ZoneId zone, Optional<Path> devAssets) {
  /** 200 MB. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 200L * 1024 * 1024;

  public WebConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(devAssets, "devAssets");
    if (maxUploadBytes <= 0) {
      throw new IllegalArgumentException("maxUploadBytes must be positive");
    }
  }

  /**
   * The defaults on a data directory: 200 MB uploads, the system's time zone, assets from the jar.
   */
  public static WebConfig defaults(Path dataDir) {
    return new WebConfig(
        dataDir, DEFAULT_MAX_UPLOAD_BYTES, ZoneId.systemDefault(), Optional.empty());
  }

  public WebConfig withMaxUploadBytes(long bytes) {
    return new WebConfig(dataDir, bytes, zone, devAssets);
  }

  public WebConfig withZone(ZoneId newZone) {
    return new WebConfig(dataDir, maxUploadBytes, newZone, devAssets);
  }

  /** Development mode: static assets read from this folder at each request. */
  public WebConfig withDevAssets(Path folder) {
    return new WebConfig(dataDir, maxUploadBytes, zone, Optional.of(folder));
  }

  /** Where uploaded files wait while they are imported. */
  public Path uploadDir() {
    return dataDir.resolve("uploads");
  }
}
