package org.fabrique.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.Key;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.JavalinDefaultRouting;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fabrique.core.Fabrique;
import org.fabrique.formats.table.CodingsCsvExporter;
import org.fabrique.web.analysis.AnalysisRoutes;
import org.fabrique.web.attribute.AttributeRoutes;
import org.fabrique.web.audit.AuditRoutes;
import org.fabrique.web.auth.AccessCheck;
import org.fabrique.web.auth.Authentication;
import org.fabrique.web.auth.BearerTokens;
import org.fabrique.web.auth.Gate;
import org.fabrique.web.auth.MemberRoutes;
import org.fabrique.web.auth.OidcRoutes;
import org.fabrique.web.auth.Routes;
import org.fabrique.web.auth.SessionRoutes;
import org.fabrique.web.coder.CoderRoutes;
import org.fabrique.web.coding.CodebookRoutes;
import org.fabrique.web.coding.CodingsExportRoutes;
import org.fabrique.web.coding.DocumentRoutes;
import org.fabrique.web.corpus.ImportJobs;
import org.fabrique.web.corpus.SourceRoutes;
import org.fabrique.web.error.ErrorHandling;
import org.fabrique.web.exchange.RefiRoutes;
import org.fabrique.web.history.HistoryRoutes;
import org.fabrique.web.i18n.Messages;
import org.fabrique.web.inquiry.InquiryRoutes;
import org.fabrique.web.journey.ActorTableRoutes;
import org.fabrique.web.journey.DiffRoutes;
import org.fabrique.web.journey.DossierRoutes;
import org.fabrique.web.journey.JourneyApi;
import org.fabrique.web.journey.JourneyGraphApi;
import org.fabrique.web.journey.JourneyIndexRoutes;
import org.fabrique.web.journey.JourneyQueryApi;
import org.fabrique.web.journey.JourneyQueryRoutes;
import org.fabrique.web.journey.JourneyRoutes;
import org.fabrique.web.journey.JourneyRowRoutes;
import org.fabrique.web.memo.MemoRoutes;
import org.fabrique.web.redaction.RedactionRoutes;
import org.fabrique.web.search.SearchRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web interface and JSON API of Fabrique, built from its services and a configuration. No
 * static state: each call of {@link #create} makes an independent app.
 *
 * <pre>{@code
 * Javalin app = WebApp.create(fabrique, WebConfig.defaults(dataDir));
 * app.start("127.0.0.1", 7070);
 * }</pre>
 */
public final class WebApp {
  private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
  private static final Key<List<Routes.Route>> ROUTE_TABLE = new Key<>("fabrique.route-table");
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action"
          + " 'self'";

  private final Fabrique fabrique;
  private final WebConfig config;
  private final ObjectMapper json = Json.mapper();
  private final Visitors visitors;
  private final Gate gate;
  private final Views views;
  private final ExecutorService importExecutor;
  private final ImportJobs importJobs;
  private final List<Routes.Route> routeTable = new ArrayList<>();

  private WebApp(Fabrique fabrique, WebConfig config) {
    this.fabrique = fabrique;
    this.config = config;
    this.visitors = new Visitors();
    this.gate = new Gate(config, fabrique.users(), fabrique.sessions());
    gate.with(new BearerTokens(fabrique.tokens(), gate));
    this.views =
        new Views(
            Messages.load(), visitors, fabrique.users(), config.zone(), config.authentication());
    this.importExecutor =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "fabrique-import");
              thread.setDaemon(true);
              return thread;
            });
    this.importJobs =
        new ImportJobs(fabrique.corpus(), config.uploadDir(), importExecutor, Clock.systemUTC());
  }

  /**
   * Builds the app; start it with {@code app.start(host, port)}, stop it with {@code app.stop()}.
   */
  public static Javalin create(Fabrique fabrique, WebConfig config) {
    WebApp web = new WebApp(fabrique, config);
    web.removeLeftoverUploads();
    return Javalin.create(web::configure);
  }

  private void configure(JavalinConfig javalin) {
    javalin.showJavalinBanner = false;
    javalin.jsonMapper(new BodyMapper(json));
    javalin.http.maxRequestSize = 1024 * 1024;
    // A method an address does not take is 405, not 404: the address exists.
    javalin.http.prefer405over404 = true;
    javalin.http.defaultContentType = "text/plain; charset=utf-8";
    javalin.jetty.multipartConfig.cacheDirectory(config.uploadDir().toString());
    javalin.jetty.multipartConfig.maxFileSize(config.maxUploadBytes(), SizeUnit.BYTES);
    javalin.jetty.multipartConfig.maxTotalRequestSize(config.maxUploadBytes(), SizeUnit.BYTES);
    javalin.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
    javalin.staticFiles.add(
        files -> {
          files.hostedPath = "/static";
          if (config.devAssets().isPresent()) {
            files.directory = config.devAssets().get().toAbsolutePath().toString();
            files.location = Location.EXTERNAL;
            files.headers = Map.of("Cache-Control", "no-store");
          } else {
            files.directory = "/org/fabrique/web/static";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "no-cache");
          }
        });
    javalin.staticFiles.enableWebjars();
    javalin.events.serverStopped(importExecutor::shutdown);
    javalin.appData(ROUTE_TABLE, Collections.unmodifiableList(routeTable));
    javalin.router.mount(this::routes);
  }

  /**
   * The route table: every page and API route, the host and sign-in checks, the same-origin check
   * and the error mapping.
   */
  public void routes(JavalinDefaultRouting router) {
    router.before(this::secure);
    router.before(gate::check);
    new ErrorHandling(views, json).mount(router);
    AccessCheck access = new AccessCheck(gate, fabrique.members(), config.authentication());
    Routes routes = new Routes(router, access);
    new SessionRoutes(
            fabrique.users(),
            fabrique.sessions(),
            gate,
            views,
            config.authentication(),
            fabrique.signIns(),
            fabrique.audit())
        .mount(routes);
    if (config.authentication() instanceof Authentication.Oidc oidc) {
      new OidcRoutes(
              oidc,
              fabrique.users(),
              fabrique.sessions(),
              fabrique.audit(),
              gate,
              views,
              Clock.systemUTC())
          .mount(routes);
    }
    new CoderRoutes(fabrique.users(), visitors).mount(routes);
    new InquiryRoutes(
            new InquiryRoutes.Services(
                fabrique.history(),
                fabrique.inquiries(),
                fabrique.corpus(),
                fabrique.coding(),
                fabrique.memos(),
                fabrique.attributes(),
                fabrique.journeys(),
                fabrique.members()),
            views,
            visitors,
            access)
        .mount(routes);
    new MemberRoutes(fabrique.members(), fabrique.users(), fabrique.inquiries(), views)
        .mount(routes);
    new HistoryRoutes(fabrique.history(), fabrique.inquiries(), fabrique.coding(), views, visitors)
        .mount(routes);
    new AuditRoutes(fabrique.audit(), fabrique.inquiries(), views).mount(routes);
    new SourceRoutes(
            fabrique.inquiries(),
            fabrique.corpus(),
            fabrique.coding(),
            fabrique.attributes(),
            fabrique.audit(),
            views,
            visitors,
            importJobs,
            config.maxUploadBytes())
        .mount(routes);
    new DocumentRoutes(
            fabrique.inquiries(),
            fabrique.corpus(),
            fabrique.coding(),
            fabrique.memos(),
            views,
            visitors)
        .mount(routes);
    new CodebookRoutes(fabrique.inquiries(), fabrique.coding(), fabrique.memos(), views, visitors)
        .mount(routes);
    new MemoRoutes(
            fabrique.inquiries(),
            fabrique.corpus(),
            fabrique.coding(),
            fabrique.memos(),
            views,
            visitors)
        .mount(routes);
    new AttributeRoutes(fabrique.inquiries(), fabrique.attributes(), views, visitors).mount(routes);
    new SearchRoutes(
            new SearchRoutes.Services(
                fabrique.users(),
                fabrique.inquiries(),
                fabrique.corpus(),
                fabrique.coding(),
                fabrique.attributes(),
                fabrique.search(),
                fabrique.redactions()),
            views,
            visitors)
        .mount(routes);
    new AnalysisRoutes(
            new AnalysisRoutes.Services(
                fabrique.users(),
                fabrique.inquiries(),
                fabrique.corpus(),
                fabrique.coding(),
                fabrique.attributes(),
                fabrique.analysis(),
                fabrique.matrixExport(),
                fabrique.journeys(),
                fabrique.redactions(),
                fabrique.audit()),
            views)
        .mount(routes);
    new JourneyRoutes(
            fabrique.inquiries(),
            fabrique.corpus(),
            fabrique.journeys(),
            fabrique.lineage(),
            views,
            visitors)
        .mount(routes);
    new JourneyRowRoutes(fabrique.journeys(), visitors).mount(routes);
    new JourneyApi(
            new JourneyApi.Services(
                fabrique.inquiries(),
                fabrique.corpus(),
                fabrique.journeys(),
                fabrique.lineage(),
                fabrique.redactions(),
                fabrique.audit()),
            visitors,
            config.lineageLimits(),
            access)
        .mount(routes);
    new JourneyGraphApi(
            fabrique.inquiries(), fabrique.journeys(), fabrique.lineage(), views.messages())
        .mount(routes);
    new JourneyQueryApi(fabrique.inquiries(), fabrique.journeys(), visitors).mount(routes);
    new JourneyQueryRoutes(
            fabrique.inquiries(), fabrique.coding(), fabrique.journeys(), views, visitors)
        .mount(routes);
    new DiffRoutes(
            fabrique.inquiries(),
            fabrique.journeys(),
            fabrique.comparisons(),
            fabrique.redactions(),
            fabrique.audit(),
            views,
            visitors,
            access)
        .mount(routes);
    new JourneyIndexRoutes(fabrique.inquiries(), fabrique.journeys(), views).mount(routes);
    new ActorTableRoutes(fabrique.inquiries(), fabrique.journeys(), fabrique.audit(), visitors)
        .mount(routes);
    new DossierRoutes(fabrique.inquiries(), fabrique.journeys(), fabrique.redactions(), views)
        .mount(routes);
    new CodingsExportRoutes(
            fabrique.inquiries(),
            fabrique.coding(),
            fabrique.redactions(),
            fabrique.audit(),
            new CodingsCsvExporter(fabrique))
        .mount(routes);
    new RefiRoutes(
            fabrique.inquiries(),
            fabrique.redactions(),
            fabrique.audit(),
            fabrique.members(),
            fabrique.qda(),
            views,
            visitors,
            config.uploadDir(),
            importExecutor)
        .mount(routes);
    new RedactionRoutes(
            fabrique.inquiries(),
            fabrique.corpus(),
            fabrique.coding(),
            fabrique.redactions(),
            fabrique.erasure(),
            fabrique.attributes(),
            fabrique.audit(),
            views,
            visitors)
        .mount(routes);
    routeTable.addAll(routes.table());
  }

  /** Every route of an app built by {@link #create} and what it requires. */
  public static List<Routes.Route> routeTable(Javalin app) {
    return app.unsafeConfig().pvt.appDataManager.get(ROUTE_TABLE);
  }

  private void secure(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("X-Frame-Options", "DENY");
    SameOrigin.check(ctx);
    Uploads.read(ctx, config.maxUploadBytes());
  }

  /** Uploads left by an interrupted import are deleted at start. */
  private void removeLeftoverUploads() {
    Path uploads = config.uploadDir();
    if (!Files.isDirectory(uploads)) {
      return;
    }
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(uploads, "import-*")) {
      for (Path folder : folders) {
        ImportJobs.deleteFolder(folder);
      }
    } catch (IOException e) {
      LOG.warn("Could not clean the upload folder ({})", e.getClass().getName());
    }
  }
}
