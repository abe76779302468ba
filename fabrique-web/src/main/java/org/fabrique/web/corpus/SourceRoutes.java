package org.fabrique.web.corpus;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeService;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.ImportReport;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.corpus.SourceMetadata;
import org.fabrique.core.error.ForbiddenException;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.core.redaction.ExportProfiles;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.UserId;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.Visitors;
import org.fabrique.web.attribute.AttributeForms;
import org.fabrique.web.attribute.AttributeJson;
import org.fabrique.web.audit.Outgoing;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.AccessCheck;
import org.fabrique.web.auth.Routes;

/** The corpus: the list of sources, imports, descriptions and the windows of the text. */
public final class SourceRoutes {
  /** The largest window of text the API sends at once, in code points. */
  public static final int MAX_WINDOW = 50_000;

  private static final int MAX_FILES = 500;

  private final InquiryService inquiries;
  private final CorpusService corpus;
  private final CodingService coding;
  private final AttributeService attributes;
  private final AuditLog audit;
  private final Views views;
  private final Visitors visitors;
  private final ImportJobs jobs;
  private final long maxUploadBytes;

  public SourceRoutes(
      InquiryService inquiries,
      CorpusService corpus,
      CodingService coding,
      AttributeService attributes,
      AuditLog audit,
      Views views,
      Visitors visitors,
      ImportJobs jobs,
      long maxUploadBytes) {
    this.inquiries = inquiries;
    this.corpus = corpus;
    this.coding = coding;
    this.attributes = attributes;
    this.audit = audit;
    this.views = views;
    this.visitors = visitors;
    this.jobs = jobs;
    this.maxUploadBytes = maxUploadBytes;
  }

  public void mount(Routes routes) {
    routes.get("/inquiries/{inquiry}/sources", Access.role(Role.VIEWER), this::list);
    routes.post("/inquiries/{inquiry}/sources", Access.role(Role.RESEARCHER), this::importNow);
    routes.get("/sources/{source}/edit", Access.role(Role.VIEWER), this::editPage);
    routes.post("/sources/{source}/edit", Access.role(Role.RESEARCHER), this::update);
    routes.post("/sources/{source}/delete", Access.role(Role.RESEARCHER), this::delete);
    routes.get("/sources/{source}/original", Access.role(Role.VIEWER), this::original);
    routes.post(
        "/inquiries/{inquiry}/speaker-pattern", Access.role(Role.RESEARCHER), this::speakerPattern);

    routes.get("/api/inquiries/{inquiry}/sources", Access.role(Role.VIEWER), this::apiList);
    routes.post(
        "/api/inquiries/{inquiry}/sources", Access.role(Role.RESEARCHER), this::apiImportNow);
    routes.post(
        "/api/inquiries/{inquiry}/imports", Access.role(Role.RESEARCHER), this::apiImportLater);
    routes.get("/api/imports/{job}", Access.signedIn(), this::apiJob);
    routes.get(
        "/api/sources/{source}", Access.role(Role.VIEWER), ctx -> ctx.json(out(source(ctx))));
    routes.put("/api/sources/{source}", Access.role(Role.RESEARCHER), this::apiUpdate);
    routes.delete("/api/sources/{source}", Access.role(Role.RESEARCHER), this::apiDelete);
    routes.get("/api/sources/{source}/window", Access.role(Role.VIEWER), this::apiWindow);
    routes.get(
        "/api/inquiries/{inquiry}/speaker-pattern",
        Access.role(Role.VIEWER),
        this::apiSpeakerPattern);
    routes.put(
        "/api/inquiries/{inquiry}/speaker-pattern",
        Access.role(Role.RESEARCHER),
        this::apiSetSpeakerPattern);
  }

  // Pages

  /** A row of the list of sources. */
  public record SourceRow(Source source, Optional<Case> theCase, int codings) {}

  /** The list of sources, with the report of an import made without JavaScript. */
  public record ListView(
      Inquiry inquiry,
      List<SourceRow> sources,
      List<Case> cases,
      long maxUploadBytes,
      List<SourceJson.FileOut> report,
      Optional<String> speakerPattern) {}

  private void list(Context ctx) {
    render(ctx, inquiry(ctx), List.of());
  }

  private void render(Context ctx, Inquiry inquiry, List<SourceJson.FileOut> report) {
    List<Case> cases = inquiries.cases(inquiry.id());
    Map<SourceId, Integer> counts = coding.codingCountsBySource(inquiry.id());
    java.util.Comparator<String> natural =
        org.fabrique.web.i18n.NaturalOrder.of(views.page(ctx).lang());
    List<SourceRow> rows =
        corpus.list(inquiry.id()).stream()
            .sorted((a, b) -> natural.compare(a.title(), b.title()))
            .map(
                s ->
                    new SourceRow(
                        s,
                        s.caseId()
                            .flatMap(c -> cases.stream().filter(k -> k.id().equals(c)).findFirst()),
                        counts.getOrDefault(s.id(), 0)))
            .toList();
    views.render(
        ctx,
        "corpus/sources.jte",
        views.page(ctx).in(inquiry, "sources"),
        new ListView(
            inquiry, rows, cases, maxUploadBytes, report, corpus.speakerPattern(inquiry.id())));
  }

  private void importNow(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    ImportReport report = importUploads(ctx, inquiry);
    render(ctx, inquiry, ImportJobs.files(report, UnaryOperator.identity()));
  }

  /** Sets the inquiry's speaker pattern from the form of the sources page. */
  private void speakerPattern(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    corpus.setSpeakerPattern(
        visitors.of(ctx).coder().id(), inquiry.id(), Optional.ofNullable(ctx.formParam("pattern")));
    Requests.redirectWithNotice(ctx, "/inquiries/" + inquiry.id() + "/sources", "saved");
  }

  private void apiSpeakerPattern(Context ctx) {
    ctx.json(new SourceJson.SpeakerPattern(corpus.speakerPattern(inquiry(ctx).id()).orElse(null)));
  }

  private void apiSetSpeakerPattern(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    SourceJson.SpeakerPattern in = ctx.bodyAsClass(SourceJson.SpeakerPattern.class);
    corpus.setSpeakerPattern(
        visitors.of(ctx).coder().id(), inquiry.id(), Optional.ofNullable(in.pattern()));
    apiSpeakerPattern(ctx);
  }

  /** The page that edits a source's description and attributes. */
  public record EditView(
      Inquiry inquiry, Source source, List<Case> cases, List<AttributeForms.Field> attributes) {}

  private void editPage(Context ctx) {
    Source source = source(ctx);
    Inquiry inquiry = inquiries.get(source.inquiryId());
    views.render(
        ctx,
        "corpus/source-edit.jte",
        views.page(ctx).in(inquiry, "sources"),
        new EditView(
            inquiry,
            source,
            inquiries.cases(inquiry.id()),
            AttributeForms.fields(
                attributes, inquiry.id(), AttributeScope.SOURCE, source.id().value())));
  }

  private void update(Context ctx) {
    Source source = source(ctx);
    UserId user = visitors.of(ctx).coder().id();
    SourceMetadata metadata =
        new SourceMetadata(
            Requests.formText(ctx, "title").strip(),
            kind(Requests.formText(ctx, "kind")),
            Requests.formDate(ctx, "date"),
            Requests.form(ctx, "language").orElse("und"),
            Requests.formLong(ctx, "caseId").map(CaseId::new),
            confidentiality(Requests.formText(ctx, "confidentiality")));
    checkCase(source.inquiryId(), metadata.caseId());
    if (!metadata.equals(source.metadata())) {
      corpus.updateMetadata(user, source.id(), metadata);
    }
    AttributeForms.save(
        ctx, attributes, user, source.inquiryId(), AttributeScope.SOURCE, source.id().value());
    Requests.redirectWithNotice(ctx, "/sources/" + source.id() + "/edit", "saved");
  }

  private void delete(Context ctx) {
    Source source = source(ctx);
    corpus.delete(visitors.of(ctx).coder().id(), source.id());
    Requests.redirectWithNotice(ctx, "/inquiries/" + source.inquiryId() + "/sources", "deleted");
  }

  /**
   * The original file of a source, only under the internal profile (asked for with {@code
   * ?profile=internal}): its bytes cannot be redacted.
   */
  private void original(Context ctx) throws IOException {
    Source source = source(ctx);
    ExportProfile profile =
        ExportProfiles.choose(
            Optional.ofNullable(ctx.queryParam("profile")), AccessCheck.roleOf(ctx));
    if (!profile.isInternal()) {
      throw new ForbiddenException(
          "The original file can only be downloaded as stored (profile internal): under the"
              + " profile "
              + profile.name()
              + " export the inquiry, whose texts are redacted");
    }
    ctx.contentType(
        source.mediaType() == null || source.mediaType().isBlank()
            ? "application/octet-stream"
            : source.mediaType());
    org.fabrique.web.Downloads.attachment(ctx, source.originalFileName());
    try (InputStream in = corpus.original(source.id())) {
      ctx.result(in.readAllBytes());
    }
    Outgoing.download(
        audit, ctx, source.inquiryId(), "source " + source.id() + " original", profile);
  }

  // API

  private void apiList(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    Map<SourceId, Integer> counts = coding.codingCountsBySource(inquiry.id());
    List<AttributeJson.ValueOut> none = List.of();
    ctx.json(
        corpus.list(inquiry.id()).stream()
            .map(s -> SourceJson.SourceOut.of(s, counts.getOrDefault(s.id(), 0), none))
            .toList());
  }

  private SourceJson.SourceOut out(Source source) {
    int codings = coding.codingCountsBySource(source.inquiryId()).getOrDefault(source.id(), 0);
    return SourceJson.SourceOut.of(
        source,
        codings,
        AttributeJson.valuesOf(
            attributes.definitions(source.inquiryId()), attributes.valuesOf(source.id().value())));
  }

  private void apiImportNow(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    ImportReport report = importUploads(ctx, inquiry);
    ctx.status(report.imported().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED)
        .json(ImportJobs.files(report, views.bare(ctx)::problem));
  }

  private void apiImportLater(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    UserId user = visitors.of(ctx).coder().id();
    Path folder = jobs.newFolder();
    List<ImportRequest> requests;
    try {
      requests = receive(ctx, inquiry, folder);
    } catch (RuntimeException e) {
      ImportJobs.deleteFolder(folder);
      throw e;
    }
    ctx.status(HttpStatus.ACCEPTED)
        .json(jobs.start(inquiry.id(), user, folder, requests, duplicates(ctx)));
  }

  private void apiJob(Context ctx) {
    String id = ctx.pathParam("job");
    ctx.json(
        jobs.status(id, views.bare(ctx)::problem)
            .orElseThrow(() -> new NotFoundException("There is no import " + id)));
  }

  private void apiUpdate(Context ctx) {
    Source source = source(ctx);
    SourceJson.MetadataIn in = ctx.bodyAsClass(SourceJson.MetadataIn.class);
    SourceMetadata metadata =
        new SourceMetadata(
            in.title() == null ? source.title() : in.title(),
            in.kind() == null ? source.kind() : kind(in.kind()),
            Optional.ofNullable(in.date()),
            in.language() == null || in.language().isBlank() ? "und" : in.language().strip(),
            Optional.ofNullable(in.caseId()).map(CaseId::new),
            in.confidentiality() == null
                ? source.confidentiality()
                : confidentiality(in.confidentiality()));
    checkCase(source.inquiryId(), metadata.caseId());
    ctx.json(out(corpus.updateMetadata(visitors.of(ctx).coder().id(), source.id(), metadata)));
  }

  private void apiDelete(Context ctx) {
    Source source = source(ctx);
    corpus.delete(visitors.of(ctx).coder().id(), source.id());
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private void apiWindow(Context ctx) {
    SourceId id = new SourceId(Requests.id(ctx, "source"));
    Source source = corpus.get(id);
    int from = Requests.queryCount(ctx, "from", 0);
    int to = Math.min(source.length(), Requests.queryCount(ctx, "to", from + 20_000));
    if (to - from > MAX_WINDOW) {
      throw new InvalidInputException("A window holds at most " + MAX_WINDOW + " characters");
    }
    if (from > to) {
      throw new InvalidInputException("A window starts before it ends");
    }
    PlainText text = corpus.text(id);
    String window = from == to ? "" : text.substring(from, to);
    List<SourceJson.SpanOut> spans =
        from == to
            ? List.of()
            : coding.spans(id, from, to).stream()
                .map(
                    s ->
                        new SourceJson.SpanOut(
                            s.codingId().value(),
                            s.segmentId().value(),
                            s.start(),
                            s.end(),
                            s.codeId().value(),
                            s.coderId().value()))
                .toList();
    int windowFrom = from;
    int windowTo = to;
    List<SourceJson.TurnOut> turns =
        corpus.turns(id).stream()
            .filter(t -> t.start() < windowTo && t.end() > windowFrom)
            .map(SourceJson.TurnOut::of)
            .toList();
    ctx.header("Cache-Control", "no-store");
    ctx.json(new SourceJson.WindowOut(id.value(), source.length(), from, to, window, spans, turns));
  }

  // Uploads

  private ImportReport importUploads(Context ctx, Inquiry inquiry) {
    UserId user = visitors.of(ctx).coder().id();
    Path folder = jobs.newFolder();
    try {
      List<ImportRequest> requests = receive(ctx, inquiry, folder);
      return corpus.importFiles(
          inquiry.id(),
          user,
          requests,
          org.fabrique.core.corpus.ImportProgress.NONE,
          duplicates(ctx));
    } finally {
      ImportJobs.deleteFolder(folder);
    }
  }

  /** Saves the uploaded files in a folder and says how to import them. */
  private List<ImportRequest> receive(Context ctx, Inquiry inquiry, Path folder) {
    List<UploadedFile> files = ctx.uploadedFiles("files");
    if (files.isEmpty()) {
      throw new InvalidInputException("Choose at least one file to import");
    }
    if (files.size() > MAX_FILES) {
      throw new InvalidInputException("Import at most " + MAX_FILES + " files at once");
    }
    Optional<CaseId> caseId = Requests.formLong(ctx, "caseId").map(CaseId::new);
    checkCase(inquiry.id(), caseId);
    Optional<SourceKind> kind = Requests.form(ctx, "kind").map(SourceRoutes::kind);
    Confidentiality confidentiality =
        Requests.form(ctx, "confidentiality")
            .map(SourceRoutes::confidentiality)
            .orElse(Confidentiality.CONFIDENTIAL);
    List<ImportRequest> requests = new ArrayList<>();
    int index = 0;
    for (UploadedFile file : files) {
      Path target = folder.resolve("upload-" + index++);
      try (InputStream in = file.content()) {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String name = file.filename() == null || file.filename().isBlank() ? "file" : file.filename();
      requests.add(
          new ImportRequest(
              name,
              target,
              Optional.empty(),
              kind,
              Optional.empty(),
              Optional.empty(),
              caseId,
              confidentiality));
    }
    return requests;
  }

  // Reading the request

  /**
   * Whether files already in the inquiry are imported again: only when the form's box says so; else
   * they are left out with a warning that says how to import them anyway.
   */
  private static CorpusService.Duplicates duplicates(Context ctx) {
    return "yes".equals(Requests.form(ctx, "allowDuplicates").orElse(""))
        ? CorpusService.Duplicates.ALLOW
        : CorpusService.Duplicates.SKIP;
  }

  private void checkCase(InquiryId inquiry, Optional<CaseId> caseId) {
    if (caseId.isPresent() && !inquiries.getCase(caseId.get()).inquiryId().equals(inquiry)) {
      throw new InvalidInputException("Case " + caseId.get() + " belongs to another inquiry");
    }
  }

  private Inquiry inquiry(Context ctx) {
    return inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
  }

  private Source source(Context ctx) {
    return corpus.get(new SourceId(Requests.id(ctx, "source")));
  }

  static SourceKind kind(String id) {
    return SourceKind.fromId(id)
        .orElseThrow(() -> new InvalidInputException("Unknown kind of source: " + abbreviate(id)));
  }

  static Confidentiality confidentiality(String id) {
    return Confidentiality.fromId(id)
        .orElseThrow(
            () -> new InvalidInputException("Unknown confidentiality level: " + abbreviate(id)));
  }

  private static String abbreviate(String value) {
    String v = value == null ? "" : value;
    return v.length() > 30 ? v.substring(0, 30) + "…" : v;
  }
}
