package org.fabrique.app.cli;

import io.javalin.Javalin;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.fabrique.app.Workbench;
import org.fabrique.app.demo.DemoInquiry;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.formats.openlineage.OpenLineageEvents;
import org.fabrique.web.WebApp;
import org.fabrique.web.WebConfig;
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

  @Override
  int run(Workbench workbench) {
    PrintWriter out = spec.commandLine().getOut();
    if (lineageMaxBytes <= 0 || lineageMaxEvents <= 0) {
      throw new InvalidInputException(
          "--lineage-max-bytes and --lineage-max-events are positive numbers");
    }
    if (demo) {
      Inquiry inquiry = new DemoInquiry(workbench.fabrique()).load();
      out.println("Demo inquiry ready: " + inquiry.name() + " (id " + inquiry.id() + ")");
    }
    Javalin app =
        WebApp.create(
            workbench.fabrique(),
            WebConfig.defaults(workbench.dataDir())
                .withMaxUploadBytes(workbench.maxFileBytes())
                .withLineageLimits(
                    new OpenLineageEvents.Limits(lineageMaxBytes, lineageMaxEvents)));
    CountDownLatch stopped = new CountDownLatch(1);
    app.events(events -> events.serverStopped(stopped::countDown));
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "fabrique-shutdown"));
    app.start(host, port);
    repairSearchIndexes(workbench);
    out.println("Fabrique is running on http://" + displayHost() + ":" + app.port() + "/");
    out.println("Data: " + workbench.describe() + ". Stop with Ctrl+C.");
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return FabriqueCommand.OK;
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
                        "The search indexes could not be repaired at start; each is repaired at its next search",
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
    return host.equals("127.0.0.1") || host.equals("0.0.0.0") ? "localhost" : host;
  }
}
