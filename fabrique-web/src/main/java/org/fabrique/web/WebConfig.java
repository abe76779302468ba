package org.fabrique.web;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fabrique.formats.openlineage.OpenLineageEvents;
import org.fabrique.web.auth.Authentication;

/**
 * How the web interface runs.
 *
 * @param dataDir the data directory; uploads wait in its {@code uploads} folder while they are
 *     imported
 * @param maxUploadBytes the largest upload accepted in one request
 * @param zone the time zone in which dates and times are shown
 * @param devAssets in development, a folder from which CSS and JavaScript are served afresh at each
 *     request instead of from the jar (for instance {@code fabrique-web/src/main/resources/static})
 * @param authentication how users are known (decision 0008)
 * @param publicUrl the address users reach the server at, when it is not a loopback name: the only
 *     other {@code Host} the server answers to
 * @param hosts other host names or addresses the server answers to (the address it listens on)
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-Proto} is believed
 * @param lineageLimits the largest body and the most events accepted by the OpenLineage endpoint
 */
public record WebConfig(
    Path dataDir,
    long maxUploadBytes,
    ZoneId zone,
    Optional<Path> devAssets,
    Authentication authentication,
    Optional<URI> publicUrl,
    Set<String> hosts,
    Set<String> trustedProxies,
    OpenLineageEvents.Limits lineageLimits) {
  /** 200 MB. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 200L * 1024 * 1024;

  public WebConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(devAssets, "devAssets");
    Objects.requireNonNull(authentication, "authentication");
    Objects.requireNonNull(publicUrl, "publicUrl");
    Objects.requireNonNull(lineageLimits, "lineageLimits");
    hosts = Set.copyOf(hosts);
    trustedProxies = Set.copyOf(trustedProxies);
    if (maxUploadBytes <= 0) {
      throw new IllegalArgumentException("maxUploadBytes must be positive");
    }
  }

  /**
   * The defaults on a data directory: 200 MB uploads, the system's time zone, assets from the jar,
   * the single-user mode without a token (the command line adds the token), loopback names only,
   * the OpenLineage endpoint's default limits.
   */
  public static WebConfig defaults(Path dataDir) {
    return new WebConfig(
        dataDir,
        DEFAULT_MAX_UPLOAD_BYTES,
        ZoneId.systemDefault(),
        Optional.empty(),
        Authentication.open(),
        Optional.empty(),
        Set.of(),
        Set.of(),
        OpenLineageEvents.Limits.DEFAULT);
  }

  public WebConfig withMaxUploadBytes(long bytes) {
    return new WebConfig(
        dataDir,
        bytes,
        zone,
        devAssets,
        authentication,
        publicUrl,
        hosts,
        trustedProxies,
        lineageLimits);
  }

  public WebConfig withZone(ZoneId newZone) {
    return new WebConfig(
        dataDir,
        maxUploadBytes,
        newZone,
        devAssets,
        authentication,
        publicUrl,
        hosts,
        trustedProxies,
        lineageLimits);
  }

  /** Development mode: static assets read from this folder at each request. */
  public WebConfig withDevAssets(Path folder) {
    return new WebConfig(
        dataDir,
        maxUploadBytes,
        zone,
        Optional.of(folder),
        authentication,
        publicUrl,
        hosts,
        trustedProxies,
        lineageLimits);
  }

  public WebConfig withAuthentication(Authentication newAuthentication) {
    return new WebConfig(
        dataDir,
        maxUploadBytes,
        zone,
        devAssets,
        newAuthentication,
        publicUrl,
        hosts,
        trustedProxies,
        lineageLimits);
  }

  public WebConfig withPublicUrl(URI url) {
    return new WebConfig(
        dataDir,
        maxUploadBytes,
        zone,
        devAssets,
        authentication,
        Optional.of(url),
        hosts,
        trustedProxies,
        lineageLimits);
  }

  public WebConfig withHosts(Set<String> names) {
    return new WebConfig(
        dataDir,
        maxUploadBytes,
        zone,
        devAssets,
        authentication,
        publicUrl,
        names,
        trustedProxies,
        lineageLimits);
  }

  public WebConfig withTrustedProxies(Set<String> addresses) {
    return new WebConfig(
        dataDir,
        maxUploadBytes,
        zone,
        devAssets,
        authentication,
        publicUrl,
        hosts,
        addresses,
        lineageLimits);
  }

  /** The OpenLineage endpoint's limits. */
  public WebConfig withLineageLimits(OpenLineageEvents.Limits limits) {
    return new WebConfig(
        dataDir,
        maxUploadBytes,
        zone,
        devAssets,
        authentication,
        publicUrl,
        hosts,
        trustedProxies,
        limits);
  }

  /** Where uploaded files wait while they are imported. */
  public Path uploadDir() {
    return dataDir.resolve("uploads");
  }
}
