package org.fabrique.web.journey;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.journey.ConditionReport;
import org.fabrique.core.journey.DatasetVersions;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.journey.Lineage;
import org.fabrique.core.journey.LineageService;
import org.fabrique.core.journey.Span;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.core.redaction.ExportProfiles;
import org.fabrique.core.redaction.RedactionService;
import org.fabrique.core.user.Role;
import org.fabrique.formats.journey.JourneySnapshot;
import org.fabrique.formats.journey.JourneySnapshots;
import org.fabrique.formats.journey.RedactionProfile;
import org.fabrique.formats.openlineage.OpenLineageEvents;
import org.fabrique.formats.openlineage.OpenLineageExporter;
import org.fabrique.formats.openlineage.OpenLineageImporter;
import org.fabrique.formats.prov.ProvExporter;
import org.fabrique.formats.prov.ProvFormat;
import org.fabrique.web.Requests;
import org.fabrique.web.Visitors;
import org.fabrique.web.audit.Outgoing;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.AccessCheck;
import org.fabrique.web.auth.Routes;
import org.fabrique.web.error.ProblemDetails;

/**
 * The JSON API of journeys (the graph of a case is {@link JourneyGraphApi}'s): elements for
 * pickers, evidence from a selection, lineage queries, OpenLineage ingestion ({@code POST
 * /api/v1/lineage}) and PROV export.
 */
public final class JourneyApi {
  /** The header (or query parameter {@code inquiry}) naming the inquiry events go to. */
  static final String INQUIRY_HEADER = "Fabrique-Inquiry";

  private final InquiryService inquiries;
  private final CorpusService corpus;
  private final JourneyService journeys;
  private final LineageService lineage;
  private final RedactionService redactions;
  private final AuditLog audit;
  private final Visitors visitors;
  private final OpenLineageEvents.Limits lineageLimits;

  private final AccessCheck access;

  /** The services the journey API uses. */
  public record Services(
      InquiryService inquiries,
      CorpusService corpus,
      JourneyService journeys,
      LineageService lineage,
      RedactionService redactions,
      AuditLog audit) {}

  public JourneyApi(
      Services services,
      Visitors visitors,
      OpenLineageEvents.Limits lineageLimits,
      AccessCheck access) {
    this.inquiries = services.inquiries();
    this.corpus = services.corpus();
    this.journeys = services.journeys();
    this.lineage = services.lineage();
    this.redactions = services.redactions();
    this.audit = services.audit();
    this.visitors = visitors;
    this.lineageLimits = lineageLimits;
    this.access = access;
  }

  public void mount(Routes routes) {
    routes.get(
        "/api/inquiries/{inquiry}/journey/elements", Access.role(Role.VIEWER), this::elements);
    routes.post("/api/journey/evidence", Access.signedIn(), this::addEvidence);
    routes.get(
        "/api/journey/elements/{element}/upstream",
        Access.role(Role.VIEWER),
        ctx -> walk(ctx, true));
    routes.get(
        "/api/journey/elements/{element}/downstream",
        Access.role(Role.VIEWER),
        ctx -> walk(ctx, false));
    routes.get("/api/journey/elements/{element}/choices", Access.role(Role.VIEWER), this::choices);
    routes.get(
        "/api/journey/elements/{element}/conditions", Access.role(Role.VIEWER), this::conditions);
    routes.post("/api/v1/lineage", Access.signedIn(), this::ingest);
    routes.get("/api/inquiries/{inquiry}/prov", Access.role(Role.RESEARCHER), this::prov);
    routes.get("/spec/facets/{version}/{file}", Access.anyone(), this::facetSchema);
  }

  /** The JSON schemas of Fabrique's OpenLineage facets, from the jar. */
  private void facetSchema(Context ctx) {
    byte[] schema =
        OpenLineageExporter.facetSchema(ctx.pathParam("version"), ctx.pathParam("file"))
            .orElseThrow(() -> new NotFoundException("There is no such facet schema"));
    ctx.contentType("application/schema+json")
        .header("Cache-Control", "max-age=86400")
        .result(schema);
  }

  /** An element for pickers. */
  record ElementOut(long id, String kind, String label, Long caseId) {}

  /** Evidence asked for from a selection in the document view. */
  record EvidenceIn(long element, long source, Integer start, Integer end, String note) {}

  /** Evidence as created. */
  record EvidenceOut(
      long id,
      long element,
      String elementKind,
      long source,
      Integer start,
      Integer end,
      String quote) {}

  /** A lineage walk, ids as plain numbers. */
  record LineageOut(
      long start, String direction, int depth, List<NodeOut> nodes, List<FlowOut> edges) {
    static LineageOut of(Lineage lineage) {
      return new LineageOut(
          lineage.start().value(),
          lineage.direction().name().toLowerCase(java.util.Locale.ROOT),
          lineage.depth(),
          lineage.nodes().stream()
              .map(
                  n ->
                      new NodeOut(
                          n.id().value(),
                          n.kind().id(),
                          n.distance(),
                          n.version().map(VersionOut::of).orElse(null)))
              .toList(),
          lineage.edges().stream()
              .map(
                  f ->
                      new FlowOut(
                          f.intervention().value(),
                          f.dataObject().value(),
                          f.direction().name().toLowerCase(java.util.Locale.ROOT),
                          f.version()))
              .toList());
    }
  }

  /** A node reached by a lineage walk; a data object with the version reached. */
  record NodeOut(long id, String kind, int distance, VersionOut version) {}

  /** An input or output walked, with the number of the version used or generated. */
  record FlowOut(long intervention, long dataObject, String direction, int version) {}

  /** A version of a data object: its number (0 initial), label, generator and time. */
  record VersionOut(int number, String label, Long generatedBy, String at) {
    static VersionOut of(DatasetVersions.Version version) {
      return new VersionOut(
          version.number(),
          version.label(),
          version.generatedBy().map(ElementId::value).orElse(null),
          version.at().map(Object::toString).orElse(null));
    }
  }

  /** A use condition in force, with where it comes from and the choices that added it. */
  record ConditionOut(String term, String note, long origin, List<Long> choices) {}

  /** A use condition lifted upstream. */
  record LiftedOut(String term, long origin, long intervention, Long choice) {}

  /** The use conditions of a data object. */
  record ConditionsOut(long dataObject, List<ConditionOut> conditions, List<LiftedOut> lifted) {}

  /** What an OpenLineage ingestion did, with what was accepted although not as specified. */
  record IngestOut(
      int events, int interventions, int dataObjects, List<ProblemDetails.Entry> warnings) {}

  private void elements(Context ctx) {
    InquiryId inquiry = new InquiryId(Requests.id(ctx, "inquiry"));
    Set<String> kinds = Set.copyOf(ctx.queryParams("kind"));
    ctx.json(
        journeys.elements(inquiry).stream()
            .filter(e -> kinds.isEmpty() || kinds.contains(e.kind().id()))
            .map(
                e ->
                    new ElementOut(
                        e.id().value(),
                        e.kind().id(),
                        e.label(),
                        e.header().caseId().map(CaseId::value).orElse(null)))
            .toList());
  }

  private void addEvidence(Context ctx) {
    EvidenceIn in = ctx.bodyAsClass(EvidenceIn.class);
    if (in == null) {
      throw new InvalidInputException("Give the element and the source of the evidence");
    }
    access.require(ctx, journeys.get(new ElementId(in.element())).inquiryId(), Role.RESEARCHER);
    Optional<Span> span =
        in.start() == null || in.end() == null
            ? Optional.empty()
            : Optional.of(span(in.start(), in.end()));
    Evidence evidence =
        journeys.addEvidence(
            visitors.of(ctx).coder().id(),
            new ElementId(in.element()),
            new SourceId(in.source()),
            span,
            in.note());
    ctx.status(HttpStatus.CREATED)
        .json(
            new EvidenceOut(
                evidence.id().value(),
                evidence.element().id(),
                evidence.element().kind().id(),
                evidence.sourceId().value(),
                evidence.span().map(Span::start).orElse(null),
                evidence.span().map(Span::end).orElse(null),
                evidence.quote()));
  }

  private static Span span(int start, int end) {
    if (start < 0 || end < start) {
      throw new InvalidInputException("A passage runs from a start to an end after it");
    }
    return new Span(start, end);
  }

  private void walk(Context ctx, boolean upstream) {
    ElementId id = new ElementId(Requests.id(ctx, "element"));
    int depth = Requests.queryCount(ctx, "depth", LineageService.UNLIMITED);
    Lineage lineage;
    if (ctx.queryParam("version") != null) {
      int version = Requests.queryCount(ctx, "version", 0);
      lineage =
          upstream
              ? this.lineage.upstream(id, version, depth)
              : this.lineage.downstream(id, version, depth);
    } else {
      lineage = upstream ? this.lineage.upstream(id, depth) : this.lineage.downstream(id, depth);
    }
    ctx.json(LineageOut.of(lineage));
  }

  private void choices(Context ctx) {
    ElementId id = new ElementId(Requests.id(ctx, "element"));
    ctx.json(
        lineage.choicesShaping(id).stream()
            .map(c -> new ElementOut(c.id().value(), "choice", c.label(), null))
            .toList());
  }

  private void conditions(Context ctx) {
    ConditionReport report = lineage.conditions(new ElementId(Requests.id(ctx, "element")));
    ctx.json(report);
  }

  /**
   * Accepts OpenLineage RunEvent, JobEvent and DatasetEvent — one JSON value (an event or an array)
   * or NDJSON, by the content type or else the first value — for the inquiry named by header
   * {@value #INQUIRY_HEADER} or query parameter {@code inquiry}. 201 with the warnings (events
   * accepted leniently); 400 with every error and its JSON pointer when any event is refused,
   * nothing being imported then; 413 above the configured size.
   */
  private void ingest(Context ctx) {
    String inquiryText =
        Optional.ofNullable(ctx.header(INQUIRY_HEADER)).orElse(ctx.queryParam("inquiry"));
    if (inquiryText == null || !inquiryText.strip().matches("\\d{1,18}")) {
      throw new InvalidInputException(
          "Say which inquiry the events go to (header " + INQUIRY_HEADER + " or ?inquiry=ID)");
    }
    InquiryId inquiry = new InquiryId(Long.parseLong(inquiryText.strip()));
    inquiries.get(inquiry);
    access.require(ctx, inquiry, Role.RESEARCHER);
    Optional<CaseId> caseId =
        Optional.ofNullable(ctx.queryParam("case"))
            .filter(c -> c.matches("\\d{1,18}"))
            .map(c -> new CaseId(Long.parseLong(c)));
    OpenLineageEvents.Parsed parsed =
        OpenLineageEvents.read(
            body(ctx), OpenLineageEvents.Framing.ofContentType(ctx.contentType()), lineageLimits);
    if (!parsed.valid()) {
      List<Problem> errors = parsed.errors();
      throw new InvalidInputException(
          errors.size() == 1
              ? errors.get(0).message()
                  + " ("
                  + errors.get(0).location()
                  + "); nothing was imported"
              : errors.size() + " errors in the events; nothing was imported",
          errors);
    }
    OpenLineageImporter.Result result =
        new OpenLineageImporter(journeys)
            .importEvents(inquiry, caseId, visitors.of(ctx).coder().id(), parsed.events());
    ctx.status(HttpStatus.CREATED)
        .json(
            new IngestOut(
                result.events(),
                result.interventions(),
                result.dataObjects(),
                parsed.warnings().stream().map(ProblemDetails.Entry::of).toList()));
  }

  /** The body, read up to the limit (the endpoint's limit, not the server's general one). */
  private byte[] body(Context ctx) {
    long limit = lineageLimits.maxBytes();
    if (ctx.contentLength() > limit) {
      throw new HttpResponseException(
          HttpStatus.CONTENT_TOO_LARGE.getCode(), "The body is larger than " + limit + " bytes");
    }
    try (InputStream in = ctx.bodyInputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (body.length > limit) {
        throw new HttpResponseException(
            HttpStatus.CONTENT_TOO_LARGE.getCode(), "The body is larger than " + limit + " bytes");
      }
      return body;
    } catch (IOException e) {
      throw new InvalidInputException("The body could not be read to its end", e);
    }
  }

  private void prov(Context ctx) {
    InquiryId inquiry = new InquiryId(Requests.id(ctx, "inquiry"));
    ProvFormat format =
        ProvFormat.fromId(Optional.ofNullable(ctx.queryParam("format")).orElse("provn"))
            .orElseThrow(() -> new InvalidInputException("Formats: provn, json, jsonld, ttl"));
    JourneySnapshot snapshot = JourneySnapshots.of(inquiries, corpus, journeys, inquiry);
    String caseParam = ctx.queryParam("case");
    if (caseParam != null && caseParam.matches("\\d{1,18}")) {
      snapshot = snapshot.ofCase(new CaseId(Long.parseLong(caseParam)));
    }
    ExportProfile profile =
        ExportProfiles.choose(
            Optional.ofNullable(ctx.queryParam("profile")), AccessCheck.roleOf(ctx));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ProvExporter()
        .write(snapshot, RedactionProfile.of(redactions.scope(inquiry, profile)), format, out);
    org.fabrique.web.Downloads.attachment(ctx, "inquiry-" + inquiry + "." + format.id());
    ctx.contentType(format.mediaType() + "; charset=utf-8").result(out.toByteArray());
    Outgoing.export(audit, ctx, inquiry, "PROV " + format.id(), profile);
  }
}
