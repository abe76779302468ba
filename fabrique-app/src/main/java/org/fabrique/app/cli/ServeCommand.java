package org.fabrique.app.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.fabrique.app.Workbench;
import org.fabrique.app.demo.DemoInquiry;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.formats.openlineage.OpenLineageEvents;
import org.fabrique.web.WebApp;
import org.fabrique.web.WebConfig;
import org.fabrique.web.auth.Authentication;
import org.fabrique.web.auth.OidcRoutes;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** fabrique serve: the web app. */
@Command(
    name = "serve",
    description = "Start the web app (until interrupted).",
    mixinStandardHelpOptions = true)
public final class ServeCommand extends StoreCommand {
  @Option(
      names = "--port",
      defaultValue = "7070",
      description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; field material is"
              + " personal data).")
  String host;

  @Option(names = "--demo", description = "Load the demo inquiry (once) before starting.")
  boolean demo;

  /** How users sign in on a team server. */
  enum AuthMode {
    local,
    proxy,
    oidc
  }

  /** The environment variable that holds the OpenID Connect client secret (never an option). */
  static final String OIDC_SECRET_VARIABLE = "FABRIQUE_OIDC_CLIENT_SECRET";

  /** Where the provider sends users back, under --public-url. */
  static final String OIDC_CALLBACK = "sign-in/oidc/callback";

  @Option(
      names = "--auth",
      paramLabel = "MODE",
      description =
          "Sign-in of a team server: local (accounts made with 'fabrique user add'), proxy"
              + " (the user named by --proxy-header, set by a --trusted-proxy), or oidc (the"
              + " institution's OpenID Connect single sign-on: --oidc-issuer, --oidc-client-id,"
              + " --public-url, and the client secret in "
              + OIDC_SECRET_VARIABLE
              + "). Without it, one local user works alone on this machine.")
  AuthMode auth;

  @Option(
      names = "--oidc-issuer",
      paramLabel = "URL",
      description = "With --auth oidc, the issuer of the OpenID Connect provider (discovery).")
  URI oidcIssuer;

  @Option(
      names = "--oidc-client-id",
      paramLabel = "ID",
      description =
          "With --auth oidc, the client id Fabrique is registered under at the provider (the"
              + " secret, if any, is read from "
              + OIDC_SECRET_VARIABLE
              + ").")
  String oidcClientId;

  @Option(
      names = "--proxy-header",
      paramLabel = "HEADER",
      defaultValue = "X-Remote-User",
      description = "With --auth proxy, the header naming the user (default: ${DEFAULT-VALUE}).")
  String proxyHeader;

  @Option(
      names = "--no-token",
      description =
          "Single-user mode without the access token (any program on this machine can then use"
              + " the server).")
  boolean noToken;

  @Option(
      names = "--public-url",
      paramLabel = "URL",
      description = "The address users reach the server at (behind a reverse proxy, for instance).")
  URI publicUrl;

  @Option(
      names = "--trusted-proxy",
      paramLabel = "ADDRESS",
      split = ",",
      description = "Address of a reverse proxy whose X-Forwarded-Proto is believed (repeatable).")
  List<String> trustedProxies = new ArrayList<>();

  @Option(
      names = "--lineage-max-bytes",
      paramLabel = "N",
      description =
          "The largest body accepted by the OpenLineage endpoint, in bytes (default: 33554432, 32"
              + " MiB).")
  long lineageMaxBytes = OpenLineageEvents.Limits.DEFAULT.maxBytes();

  @Option(
      names = "--lineage-max-events",
      paramLabel = "N",
      description =
          "The most events accepted by the OpenLineage endpoint at once (default: 10000).")
  int lineageMaxEvents = OpenLineageEvents.Limits.DEFAULT.maxEvents();

  @Spec CommandSpec spec;

  /** The file of the data directory that keeps the access token of the single-user mode. */
  static final String ACCESS_TOKEN_FILE = "access-token";

  @Override
  int run(Workbench workbench) {
    PrintWriter out = spec.commandLine().getOut();
    FabriqueCommand root = FabriqueCommand.of(spec);
    if (lineageMaxBytes <= 0 || lineageMaxEvents <= 0) {
      throw new InvalidInputException(
          "--lineage-max-bytes and --lineage-max-events are positive numbers");
    }
    if (auth == null && !isLoopback(host)) {
      throw new InvalidInputException(
          "Fabrique listens on "
              + host
              + " only with sign-in: add --auth local (and create accounts with 'fabrique user"
              + " add'), or listen on 127.0.0.1");
    }
    if (publicUrl != null
        && (publicUrl.getHost() == null
            || !("http".equals(publicUrl.getScheme()) || "https".equals(publicUrl.getScheme())))) {
      throw new InvalidInputException("--public-url must be an http or https address");
    }
    Optional<String> token = Optional.empty();
    Authentication authentication;
    if (auth == AuthMode.local) {
      authentication = Authentication.accounts();
    } else if (auth == AuthMode.proxy) {
      if (trustedProxies.isEmpty() || proxyHeader.isBlank()) {
        throw new InvalidInputException(
            "--auth proxy needs the address of the proxy that sets "
                + proxyHeader
                + ": add --trusted-proxy ADDRESS");
      }
      authentication = Authentication.proxy(proxyHeader.trim(), Set.copyOf(trustedProxies));
    } else if (auth == AuthMode.oidc) {
      authentication = oidc();
    } else if (noToken) {
      authentication = Authentication.open();
    } else {
      token = Optional.of(newAccessToken(workbench.dataDir()));
      authentication = Authentication.token(token.get());
    }
    WebConfig config =
        WebConfig.defaults(workbench.dataDir())
            .withMaxUploadBytes(workbench.maxFileBytes())
            .withAuthentication(authentication)
            .withTrustedProxies(Set.copyOf(trustedProxies))
            .withLineageLimits(new OpenLineageEvents.Limits(lineageMaxBytes, lineageMaxEvents));
    if (publicUrl != null) {
      config = config.withPublicUrl(publicUrl);
    }
    if (!isWildcard(host)) {
      config = config.withHosts(Set.of(host));
    }
    if (demo) {
      Inquiry inquiry = new DemoInquiry(workbench.fabrique()).load();
      out.println(root.say("cli.serve.demo", inquiry.name(), String.valueOf(inquiry.id())));
    }
    if (authentication instanceof Authentication.Oidc oidc && !OidcRoutes.reachable(oidc)) {
      out.println(root.say("cli.serve.oidc-silent", oidc.issuer()));
    }
    Javalin app = WebApp.create(workbench.fabrique(), config);
    CountDownLatch stopped = new CountDownLatch(1);
    app.events(events -> events.serverStopped(stopped::countDown));
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "fabrique-shutdown"));
    app.start(host, port);
    repairSearchIndexes(workbench);
    String address =
        publicUrl != null
            ? publicUrl.toString()
            : "http://" + displayHost() + ":" + app.port() + "/";
    // The address ends the line, as it is in both languages, for whoever copies it.
    out.println(
        root.say(
            "cli.serve.running",
            address
                + token.map(t -> (address.endsWith("/") ? "" : "/") + "?token=" + t).orElse("")));
    if (auth == AuthMode.local
        && workbench.fabrique().users().accounts().stream()
            .noneMatch(a -> a.admin() && !a.disabled())) {
      out.println(root.say("cli.serve.no-admin.local"));
    }
    if (auth == AuthMode.oidc
        && workbench.fabrique().users().accounts().stream()
            .noneMatch(a -> a.admin() && !a.disabled())) {
      out.println(root.say("cli.serve.no-admin.oidc"));
    }
    Workbench.DataPlace where = workbench.where();
    out.println(
        where
            .user()
            .map(user -> root.say("cli.serve.data.as", where.database(), where.place(), user))
            .orElseGet(() -> root.say("cli.serve.data", where.database(), where.place())));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return FabriqueCommand.OK;
  }

  /**
   * The OpenID Connect settings: the issuer and client id from the options, the secret from the
   * environment only (options are visible to every user of the machine), the redirect address under
   * --public-url.
   */
  private Authentication oidc() {
    if (oidcIssuer == null || oidcClientId == null || oidcClientId.isBlank()) {
      throw new InvalidInputException(
          "--auth oidc needs --oidc-issuer URL and --oidc-client-id ID (and the client secret, if"
              + " the provider gave one, in "
              + OIDC_SECRET_VARIABLE
              + ")");
    }
    if (oidcIssuer.getHost() == null
        || !("https".equals(oidcIssuer.getScheme())
            || ("http".equals(oidcIssuer.getScheme()) && isLoopbackName(oidcIssuer.getHost())))) {
      throw new InvalidInputException(
          "--oidc-issuer must be an https address (http only on this machine)");
    }
    if (publicUrl == null) {
      throw new InvalidInputException(
          "--auth oidc needs --public-url, the address users reach the server at: the provider"
              + " sends them back to its "
              + OIDC_CALLBACK);
    }
    FabriqueCommand root = FabriqueCommand.of(spec);
    Optional<String> secret =
        Optional.ofNullable(root.environment(OIDC_SECRET_VARIABLE)).filter(v -> !v.isBlank());
    String base = publicUrl.toString().endsWith("/") ? publicUrl.toString() : publicUrl + "/";
    return Authentication.oidc(
        oidcIssuer, oidcClientId.trim(), secret, URI.create(base + OIDC_CALLBACK));
  }

  /** Brings stale search indexes up to date (after a crash) without delaying the start. */
  private static void repairSearchIndexes(Workbench workbench) {
    Thread repair =
        new Thread(
            () -> {
              try {
                removeOrphans(workbench);
                workbench.fabrique().search().repairAll();
              } catch (RuntimeException e) {
                LoggerFactory.getLogger(ServeCommand.class)
                    .warn(
                        "The search indexes could not be repaired at start; each is repaired at its"
                            + " next search",
                        e);
              }
            },
            "fabrique-index-repair");
    repair.setDaemon(true);
    repair.start();
  }

  /**
   * Removes what interrupted imports left in the file store, and stored files nothing refers to, if
   * older than an hour (an import under way in another process is left alone).
   */
  private static void removeOrphans(Workbench workbench) {
    var removed =
        workbench
            .fabrique()
            .erasure()
            .removeOrphans(
                java.time.Clock.systemUTC().instant().minus(java.time.Duration.ofHours(1)));
    if (removed.partialFiles() + removed.blobs() > 0) {
      LoggerFactory.getLogger(ServeCommand.class)
          .info(
              "Removed {} partial file(s) and {} stored file(s) nothing refers to",
              removed.partialFiles(),
              removed.blobs());
    }
  }

  private String displayHost() {
    return host.equals("127.0.0.1") || isWildcard(host) ? "localhost" : host;
  }

  /** Whether a host name or address names this machine, without asking a name server. */
  private static boolean isLoopbackName(String host) {
    String bare = host.replace("[", "").replace("]", "").toLowerCase(java.util.Locale.ROOT);
    return bare.equals("localhost") || bare.startsWith("127.") || bare.equals("::1");
  }

  /** Whether an address is this machine only. */
  static boolean isLoopback(String address) {
    if (isWildcard(address)) {
      return false;
    }
    try {
      InetAddress[] all = InetAddress.getAllByName(address);
      return all.length > 0 && Arrays.stream(all).allMatch(InetAddress::isLoopbackAddress);
    } catch (UnknownHostException e) {
      throw new InvalidInputException("There is no address " + address + " to listen on", e);
    }
  }

  private static boolean isWildcard(String address) {
    String bare = address.replace("[", "").replace("]", "");
    return bare.equals("0.0.0.0") || bare.equals("::") || bare.equals("0:0:0:0:0:0:0:0");
  }

  /**
   * A new random access token, written to the data directory readable by its owner only, so that
   * the command line and scripts of the same user can find it.
   */
  private static String newAccessToken(Path dataDir) {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Path file = dataDir.resolve(ACCESS_TOKEN_FILE);
    try {
      Files.deleteIfExists(file);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StorageException("The access token could not be written to " + file, e);
    }
    return token;
  }
}
