package org.fabrique.web.exchange;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.exchange.ExchangeReport;
import org.fabrique.core.exchange.ImportedProject;
import org.fabrique.core.exchange.QdaExchange;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.core.redaction.ExportProfiles;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.core.redaction.RedactionService;
import org.fabrique.core.user.MembershipService;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.UserId;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.Visitors;
import org.fabrique.web.audit.Outgoing;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.AccessCheck;
import org.fabrique.web.auth.Routes;

/**
 * REFI-QDA exchange in the web interface: a project imported from the home page as a new inquiry;
 * on an inquiry's Exchange tab, its project or codebook exported, a codebook imported. Each runs as
 * a job whose page shows its progress and then its data-loss report.
 */
public final class RefiRoutes {
  private final InquiryService inquiries;
  private final RedactionService redactions;
  private final AuditLog audit;
  private final MembershipService members;
  private final QdaExchange qda;
  private final Views views;
  private final Visitors visitors;
  private final ExchangeJobs jobs;

  public RefiRoutes(
      InquiryService inquiries,
      RedactionService redactions,
      AuditLog audit,
      MembershipService members,
      QdaExchange qda,
      Views views,
      Visitors visitors,
      Path uploadDir,
      ExecutorService executor) {
    this.inquiries = inquiries;
    this.redactions = redactions;
    this.audit = audit;
    this.members = members;
    this.qda = qda;
    this.views = views;
    this.visitors = visitors;
    this.jobs = new ExchangeJobs(uploadDir, executor, Clock.systemUTC());
  }

  public void mount(Routes routes) {
    routes.post("/exchange/projects", Access.signedIn(), this::importProject);
    routes.get("/inquiries/{inquiry}/exchange", Access.role(Role.VIEWER), this::page);
    routes.post(
        "/inquiries/{inquiry}/exchange/project", Access.role(Role.RESEARCHER), this::exportProject);
    routes.post(
        "/inquiries/{inquiry}/exchange/codebook",
        Access.role(Role.RESEARCHER),
        this::exportCodebook);
    routes.post(
        "/inquiries/{inquiry}/exchange/codebook-import",
        Access.role(Role.RESEARCHER),
        this::importCodebook);
    routes.get("/exchange/jobs/{job}", Access.signedIn(), this::job);
    routes.get("/exchange/jobs/{job}/download", Access.signedIn(), this::download);
    routes.get("/api/exchange/jobs/{job}", Access.signedIn(), this::apiJob);
  }

  /** The Exchange tab of an inquiry. */
  public record ExchangeView(Inquiry inquiry) {}

  private void page(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    views.render(
        ctx,
        "exchange/exchange.jte",
        views.page(ctx).in(inquiry, "exchange"),
        new ExchangeView(inquiry));
  }

  private void importProject(Context ctx) {
    UserId user = visitors.of(ctx).coder().id();
    Optional<String> name = Requests.form(ctx, "name").map(String::strip).filter(n -> !n.isEmpty());
    Path folder = jobs.newFolder();
    Path file = receive(ctx, folder, ".qdpx", ".qde");
    String id =
        jobs.start(
            file.getFileName().toString(),
            "/#import-project",
            folder,
            (dir, progress) -> {
              ImportedProject imported = qda.importProject(file, name, user, progress);
              members.put(user, imported.inquiryId(), user, Role.OWNER);
              return new ExchangeJobs.Outcome(
                  imported.report(), imported.inquiryId(), Optional.empty());
            });
    Requests.redirect(ctx, "/exchange/jobs/" + id);
  }

  private void importCodebook(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    UserId user = visitors.of(ctx).coder().id();
    Path folder = jobs.newFolder();
    Path file = receive(ctx, folder, ".qdc", ".qde");
    String id =
        jobs.start(
            file.getFileName().toString(),
            "/inquiries/" + inquiry.id().value() + "/exchange",
            folder,
            (dir, progress) -> {
              ExchangeReport report = qda.importCodebook(inquiry.id(), user, file);
              return new ExchangeJobs.Outcome(report, inquiry.id(), Optional.empty());
            });
    Requests.redirect(ctx, "/exchange/jobs/" + id);
  }

  private void exportProject(Context ctx) {
    startExport(
        ctx,
        "project qdpx",
        ".qdpx",
        (inquiry, file, scope, progress) -> qda.exportProject(inquiry, file, scope, progress));
  }

  private void exportCodebook(Context ctx) {
    startExport(
        ctx,
        "codebook qdc",
        ".qdc",
        (inquiry, file, scope, progress) -> qda.exportCodebook(inquiry, file, scope));
  }

  /** How an export writes an inquiry's file through its export scope. */
  private interface Export {
    ExchangeReport write(InquiryId inquiry, Path file, ExportScope scope, ImportProgress progress);
  }

  /**
   * Writes an export of the inquiry as a job, under the profile the form chose (and the visitor's
   * role allows), and shows the job's page.
   */
  private void startExport(Context ctx, String what, String extension, Export export) {
    Inquiry inquiry = inquiry(ctx);
    ExportProfile profile =
        ExportProfiles.choose(Requests.form(ctx, "profile"), AccessCheck.roleOf(ctx));
    Outgoing.export(audit, ctx, inquiry.id(), what, profile);
    Path folder = jobs.newFolder();
    Path file = folder.resolve(fileName(inquiry, extension));
    String id =
        jobs.start(
            file.getFileName().toString(),
            "/inquiries/" + inquiry.id().value() + "/exchange",
            folder,
            (dir, progress) ->
                new ExchangeJobs.Outcome(
                    export.write(
                        inquiry.id(), file, redactions.scope(inquiry.id(), profile), progress),
                    inquiry.id(),
                    Optional.of(file)));
    Requests.redirect(ctx, "/exchange/jobs/" + id);
  }

  /** The page of a job: its progress while it runs (the page refreshes itself), then its report. */
  public record JobView(ExchangeJobs.Status status, Optional<Inquiry> inquiry) {}

  private void job(Context ctx) {
    ExchangeJobs.Status status = status(ctx);
    Optional<Inquiry> inquiry = status.outcome().map(o -> inquiries.get(o.inquiry()));
    if (status.state() == ExchangeJobs.State.RUNNING) {
      ctx.header("Refresh", "1");
    }
    var page = views.page(ctx);
    views.render(
        ctx,
        "exchange/job.jte",
        inquiry.map(i -> page.in(i, "exchange")).orElse(page),
        new JobView(status, inquiry));
  }

  /** A line of a job's report, its message in the language of the request. */
  public record LineJson(String severity, String location, String message) {}

  /** A job for scripts: its state, and its failure or its report's lines in the language. */
  public record JobJson(
      String id,
      String title,
      String state,
      int done,
      int total,
      String failure,
      java.util.List<LineJson> problems) {}

  private void apiJob(Context ctx) {
    ExchangeJobs.Status status = status(ctx);
    var page = views.bare(ctx);
    ctx.json(
        new JobJson(
            status.id(),
            status.title(),
            status.state().name().toLowerCase(Locale.ROOT),
            status.done(),
            status.total(),
            status.failure().isEmpty() ? "" : page.problem(status.failure()),
            status.outcome().stream()
                .flatMap(outcome -> outcome.report().problems().stream())
                .map(
                    p ->
                        new LineJson(
                            p.severity().name().toLowerCase(Locale.ROOT),
                            p.location(),
                            page.problem(p.message())))
                .toList()));
  }

  private void download(Context ctx) {
    Path file =
        status(ctx)
            .outcome()
            .flatMap(ExchangeJobs.Outcome::download)
            .filter(Files::isRegularFile)
            .orElseThrow(() -> new NotFoundException("There is no file to download for this job"));
    String name = file.getFileName().toString();
    ctx.contentType(name.endsWith(".qdc") ? "application/xml" : "application/zip");
    org.fabrique.web.Downloads.attachment(ctx, name);
    try {
      ctx.result(Files.newInputStream(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ExchangeJobs.Status status(Context ctx) {
    String id = ctx.pathParam("job");
    return jobs.status(id).orElseThrow(() -> new NotFoundException("There is no such job"));
  }

  /** Saves the uploaded file under a name of our own with its (checked) extension. */
  private static Path receive(Context ctx, Path folder, String... extensions) {
    UploadedFile upload = ctx.uploadedFile("file");
    if (upload == null) {
      throw new InvalidInputException("Choose a file to import");
    }
    String name = upload.filename() == null ? "" : upload.filename().toLowerCase(Locale.ROOT);
    String extension = "";
    for (String candidate : extensions) {
      if (name.endsWith(candidate)) {
        extension = candidate;
      }
    }
    if (extension.isEmpty()) {
      throw new InvalidInputException("Choose a file ending in " + String.join(" or ", extensions));
    }
    String base = upload.filename().replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._ -]", "_");
    Path target = folder.resolve(base.isBlank() ? "upload" + extension : base);
    try (InputStream in = upload.content()) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  private static String fileName(Inquiry inquiry, String extension) {
    // The exact name travels in the download's filename* (Downloads); here only what a file
    // system refuses is replaced.
    String name = inquiry.name().replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", "_").strip();
    return (name.isEmpty() ? "inquiry-" + inquiry.id() : name) + extension;
  }

  private Inquiry inquiry(Context ctx) {
    return inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
  }
}
