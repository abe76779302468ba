package org.fabrique.web;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.fabrique.formats.openlineage.OpenLineageEvents;

/**
 * How the web interface runs.
 *
 * @param dataDir the data directory; uploads wait in its {@code uploads} folder while they are
 *     imported
 * @param maxUploadBytes the largest upload accepted in one request
 * @param zone the time zone in which dates and times are shown
 * @param devAssets in development, a folder from which CSS and JavaScript are served afresh at each
 *     request instead of from the jar (for instance {@code fabrique-web/src/main/resources/static})
 * @param lineageLimits the largest body and the most events accepted by the OpenLineage endpoint
 */
public record WebConfig(
    Path dataDir,
    long maxUploadBytes,
    ZoneId zone,
    Optional<Path> devAssets,
    OpenLineageEvents.Limits lineageLimits) {
  /** 200 MB. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 200L * 1024 * 1024;

  public WebConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(devAssets, "devAssets");
    Objects.requireNonNull(lineageLimits, "lineageLimits");
    if (maxUploadBytes <= 0) {
      throw new IllegalArgumentException("maxUploadBytes must be positive");
    }
  }

  /**
   * The defaults on a data directory: 200 MB uploads, the system's time zone, assets from the jar.
   */
  public static WebConfig defaults(Path dataDir) {
    return new WebConfig(
        dataDir,
        DEFAULT_MAX_UPLOAD_BYTES,
        ZoneId.systemDefault(),
        Optional.empty(),
        OpenLineageEvents.Limits.DEFAULT);
  }

  public WebConfig withMaxUploadBytes(long bytes) {
    return new WebConfig(dataDir, bytes, zone, devAssets, lineageLimits);
  }

  public WebConfig withZone(ZoneId newZone) {
    return new WebConfig(dataDir, maxUploadBytes, newZone, devAssets, lineageLimits);
  }

  /** Development mode: static assets read from this folder at each request. */
  public WebConfig withDevAssets(Path folder) {
    return new WebConfig(dataDir, maxUploadBytes, zone, Optional.of(folder), lineageLimits);
  }

  /** The limits of the OpenLineage endpoint. */
  public WebConfig withLineageLimits(OpenLineageEvents.Limits limits) {
    return new WebConfig(dataDir, maxUploadBytes, zone, devAssets, limits);
  }

  /** Where uploaded files wait while they are imported. */
  public Path uploadDir() {
    return dataDir.resolve("uploads");
  }
}
