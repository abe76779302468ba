package org.fabrique.web.analysis;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.analysis.AnalysisScope;
import org.fabrique.core.analysis.AnalysisService;
import org.fabrique.core.analysis.CodeCounting;
import org.fabrique.core.analysis.CodingQuery;
import org.fabrique.core.analysis.Matrix;
import org.fabrique.core.analysis.MatrixColumns;
import org.fabrique.core.analysis.MatrixExport;
import org.fabrique.core.analysis.Proximity;
import org.fabrique.core.analysis.SegmentView;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.attribute.AttributeService;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.journey.query.SavedQuery;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.core.redaction.ExportProfiles;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.core.redaction.RedactionService;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserService;
import org.fabrique.web.Page;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.audit.Outgoing;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.AccessCheck;
import org.fabrique.web.auth.Routes;

/**
 * The analysis pages of an inquiry (matrices, co-occurrence, coding queries, inter-coder agreement)
 * with their charts and exports, and their JSON API.
 */
public final class AnalysisRoutes {
  private final UserService users;
  private final InquiryService inquiries;
  private final CorpusService corpus;
  private final CodingService coding;
  private final AttributeService attributes;
  private final AnalysisService analysis;
  private final MatrixExport matrixExport;
  private final JourneyService journeys;
  private final RedactionService redactions;
  private final AuditLog audit;
  private final Views views;
  private final AgreementRoutes agreement;
  private final JourneyAnalyticsRoutes journeyAnalytics;

  /** The services the analysis pages and their downloads use. */
  public record Services(
      UserService users,
      InquiryService inquiries,
      CorpusService corpus,
      CodingService coding,
      AttributeService attributes,
      AnalysisService analysis,
      MatrixExport matrixExport,
      JourneyService journeys,
      RedactionService redactions,
      AuditLog audit) {}

  public AnalysisRoutes(Services services, Views views) {
    this.users = services.users();
    this.inquiries = services.inquiries();
    this.corpus = services.corpus();
    this.coding = services.coding();
    this.attributes = services.attributes();
    this.analysis = services.analysis();
    this.matrixExport = services.matrixExport();
    this.journeys = services.journeys();
    this.redactions = services.redactions();
    this.audit = services.audit();
    this.views = views;
    this.agreement =
        new AgreementRoutes(
            services.inquiries(), services.corpus(), services.coding(), services.analysis(), views);
    this.journeyAnalytics =
        new JourneyAnalyticsRoutes(
            services.inquiries(), services.analysis(), services.journeys(), views);
  }

  public void mount(Routes routes) {
    String base = "/inquiries/{inquiry}/analysis";
    agreement.mount(routes, base);
    journeyAnalytics.mount(routes, base);
    routes.get(base, Access.role(Role.VIEWER), this::index);
    routes.get(base + "/matrix", Access.role(Role.VIEWER), this::matrixPage);
    routes.get(base + "/matrix/export", Access.role(Role.VIEWER), this::export);
    routes.get(base + "/matrix/cell", Access.role(Role.VIEWER), this::cell);
    routes.get(base + "/cooccurrence", Access.role(Role.VIEWER), this::coOccurrencePage);
    routes.get(base + "/cooccurrence/cell", Access.role(Role.VIEWER), this::pairs);
    routes.get(base + "/query", Access.role(Role.VIEWER), this::queryPage);
    routes.get(
        "/api" + base + "/matrix",
        Access.role(Role.VIEWER),
        ctx -> ctx.json(matrix(ctx, inquiry(ctx))));
    routes.get(
        "/api" + base + "/cooccurrence",
        Access.role(Role.VIEWER),
        ctx -> ctx.json(coOccurrence(ctx, inquiry(ctx))));
    routes.get(
        "/api" + base + "/query",
        Access.role(Role.VIEWER),
        ctx -> ctx.json(segmentsOut(query(ctx, inquiry(ctx)))));
  }

  /** The inquiry's codes, attributes and coders, for the forms. */
  public record IndexView(
      Inquiry inquiry,
      List<Code> codes,
      List<AttributeDefinition> attributes,
      List<User> coders,
      List<SavedQuery> journeyQueries) {}

  private void index(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    views.render(
        ctx,
        "analysis/index.jte",
        views.page(ctx).in(inquiry, "analysis"),
        new IndexView(
            inquiry,
            coding.codes(inquiry.id()),
            attributes.definitions(inquiry.id()),
            users.list(),
            journeys.queries().saved(inquiry.id())));
  }

  /**
   * A matrix page: the table, its chart data and where its cells and exports lead.
   *
   * @param parameters the query string that rebuilds this matrix
   */
  public record MatrixView(
      Inquiry inquiry,
      Matrix matrix,
      Matrix.Measure measure,
      String kind,
      String parameters,
      String chartJson) {
    public String cellHref(int row, int column) {
      String base = "/inquiries/" + inquiry.id().value() + "/analysis/";
      return "cooccurrence".equals(kind)
          ? base
              + "cooccurrence/cell?"
              + parameters
              + "&a="
              + matrix.rows().get(row).key()
              + "&b="
              + matrix.columns().get(column).key()
          : base
              + "matrix/cell?"
              + parameters
              + "&code="
              + matrix.rows().get(row).key()
              + "&column="
              + encode(matrix.columns().get(column).key());
    }

    public long value(int row, int column) {
      return matrix.cell(row, column).value(measure);
    }

    public boolean exportable() {
      return "matrix".equals(kind);
    }

    /** Whether grouping codes count their sub-codes' segments. */
    public boolean withSubCodes() {
      return parameters.contains("&" + SUB_CODES + "=on");
    }

    /** The same matrix with grouping codes counting their sub-codes' segments, or not. */
    public String subCodesToggle() {
      String other =
          withSubCodes()
              ? parameters.replace("&" + SUB_CODES + "=on", "")
              : parameters + "&" + SUB_CODES + "=on";
      return "/inquiries/" + inquiry.id().value() + "/analysis/matrix?" + other;
    }
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  private MatrixColumns columns(Context ctx) {
    String cols = Optional.ofNullable(ctx.queryParam("cols")).orElse("cases");
    if (cols.startsWith("attribute:")) {
      return MatrixColumns.attribute(
          new AttributeId(
              Requests.parseLong(cols.substring("attribute:".length()), "An attribute")));
    }
    return switch (cols) {
      case "sources" -> MatrixColumns.sources();
      case "cases" -> MatrixColumns.cases();
      default ->
          throw new InvalidInputException(
              "Unknown columns " + cols + ": cases, sources or attribute:ID");
    };
  }

  private static Matrix.Measure measure(Context ctx) {
    String measure = Optional.ofNullable(ctx.queryParam("measure")).orElse("segments");
    try {
      return Matrix.Measure.valueOf(measure.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "Unknown measure " + measure + ": segments, characters or sources", e);
    }
  }

  /** The parameter that asks grouping codes to count their sub-codes' segments. */
  static final String SUB_CODES = "subcodes";

  private static CodeCounting counting(Context ctx) {
    String value = ctx.queryParam(SUB_CODES);
    return value != null && !value.isBlank() ? CodeCounting.WITH_SUB_CODES : CodeCounting.OWN;
  }

  private static Proximity proximity(Context ctx) {
    String within = ctx.queryParam("within");
    return within == null || within.isBlank()
        ? Proximity.overlap()
        : Proximity.within((int) Requests.parseLong(within, "The distance"));
  }

  private Matrix matrix(Context ctx, Inquiry inquiry) {
    return analysis.matrix(inquiry.id(), columns(ctx), scope(ctx, inquiry), counting(ctx));
  }

  private Matrix coOccurrence(Context ctx, Inquiry inquiry) {
    return analysis.coOccurrence(inquiry.id(), proximity(ctx), scope(ctx, inquiry));
  }

  /** The prefix of the parameters that give a journey query as a filter ({@code journey.kind}). */
  static final String JOURNEY = "journey.";

  /** The parameter that names a saved journey query as a filter. */
  static final String JOURNEY_SAVED = "journey-saved";

  /**
   * What the analysis looks at: every coded segment, or, when a journey query is given (by its
   * saved name, {@code journey-saved=NAME}, or by its filters, {@code journey.kind=choice&…}), the
   * segments that are evidence of the elements it finds.
   */
  private AnalysisScope scope(Context ctx, Inquiry inquiry) {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    ctx.queryParamMap()
        .forEach(
            (name, values) -> {
              if (name.startsWith(JOURNEY)) {
                filters.put(name.substring(JOURNEY.length()), values);
              }
            });
    var queries = journeys.queries();
    return queries
        .filter(inquiry.id(), Optional.ofNullable(ctx.queryParam(JOURNEY_SAVED)), filters)
        .map(q -> AnalysisScope.everything().withinEvidence(queries.evidence(inquiry.id(), q)))
        .orElse(AnalysisScope.everything());
  }

  /** The journey query of the request as parameters to carry on ({@code &journey-saved=…}). */
  private static String journeyParameters(Context ctx) {
    StringBuilder out = new StringBuilder();
    ctx.queryParamMap()
        .forEach(
            (name, values) -> {
              if (name.startsWith(JOURNEY) || name.equals(JOURNEY_SAVED)) {
                values.forEach(
                    v -> out.append('&').append(encode(name)).append('=').append(encode(v)));
              }
            });
    return out.toString();
  }

  /** The matrix titled in the page's language ("Code / Cas"), as the core names it in English. */
  private Matrix titled(Context ctx, Inquiry inquiry, Matrix matrix) {
    Page page = views.page(ctx);
    String corner;
    String cols = Optional.ofNullable(ctx.queryParam("cols")).orElse("cases");
    if (ctx.path().endsWith("/cooccurrence")) {
      String within = ctx.queryParam("within");
      corner =
          within == null || within.isBlank()
              ? page.t("analysis.corner.overlap")
              : page.t("analysis.corner.within", proximity(ctx).characters());
    } else if (cols.startsWith("attribute:")) {
      long id = Requests.parseLong(cols.substring("attribute:".length()), "An attribute");
      corner =
          page.t(
              "analysis.corner.attribute",
              attributes.definitions(inquiry.id()).stream()
                  .filter(d -> d.id().value() == id)
                  .map(AttributeDefinition::name)
                  .findFirst()
                  .orElse(cols));
    } else {
      corner = page.t("analysis.corner." + cols);
    }
    return new Matrix(corner, matrix.rows(), matrix.columns(), matrix.cells());
  }

  private void matrixPage(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    Matrix matrix = titled(ctx, inquiry, matrix(ctx, inquiry));
    Matrix.Measure measure = measure(ctx);
    String parameters =
        "cols="
            + encode(Optional.ofNullable(ctx.queryParam("cols")).orElse("cases"))
            + "&measure="
            + measure.name().toLowerCase(Locale.ROOT)
            + (counting(ctx) == CodeCounting.WITH_SUB_CODES ? "&" + SUB_CODES + "=on" : "")
            + journeyParameters(ctx);
    render(
        ctx,
        inquiry,
        new MatrixView(
            inquiry,
            matrix,
            measure,
            "matrix",
            parameters,
            Charts.json(matrix, measure, "heatmap")));
  }

  private void coOccurrencePage(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    Matrix matrix = titled(ctx, inquiry, coOccurrence(ctx, inquiry));
    String within = Optional.ofNullable(ctx.queryParam("within")).orElse("");
    render(
        ctx,
        inquiry,
        new MatrixView(
            inquiry,
            matrix,
            Matrix.Measure.SEGMENTS,
            "cooccurrence",
            "within=" + encode(within) + journeyParameters(ctx),
            Charts.json(matrix, Matrix.Measure.SEGMENTS, "network")));
  }

  private void render(Context ctx, Inquiry inquiry, MatrixView view) {
    views.render(ctx, "analysis/matrix.jte", views.page(ctx).in(inquiry, "analysis"), view);
  }

  private void export(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    MatrixExport.Format format =
        MatrixExport.Format.fromId(Optional.ofNullable(ctx.queryParam("format")).orElse("csv"))
            .orElseThrow(() -> new InvalidInputException("Unknown format: csv or xlsx"));
    ExportProfile profile =
        ExportProfiles.choose(
            Optional.ofNullable(ctx.queryParam("profile")), AccessCheck.roleOf(ctx));
    ExportScope scope = redactions.scope(inquiry.id(), profile);
    // Sources above the profile's level are neither counted nor listed; labels go out redacted.
    Matrix matrix =
        scope.matrix(
            analysis.matrix(
                inquiry.id(), columns(ctx), scope.analysis(scope(ctx, inquiry)), counting(ctx)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    matrixExport.write(matrix, measure(ctx), format, out);
    ctx.header("X-Redaction-Profile", profile.name());
    org.fabrique.web.Downloads.attachment(ctx, "matrix." + format.extension());
    ctx.contentType(format.mediaType());
    ctx.result(out.toByteArray());
    Outgoing.export(audit, ctx, inquiry.id(), "matrix " + format.extension(), profile);
  }

  /** A list of segments with a heading. */
  public record SegmentsView(Inquiry inquiry, String heading, List<List<SegmentView>> groups) {}

  private void cell(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    CodeId code = new CodeId(Requests.parseLong(ctx.queryParam("code"), "A code"));
    String column = Optional.ofNullable(ctx.queryParam("column")).orElse("");
    List<SegmentView> segments =
        analysis.drillDown(
            inquiry.id(), columns(ctx), code, column, scope(ctx, inquiry), counting(ctx));
    segments(
        ctx,
        inquiry,
        coding.getCode(code).name() + " × " + column,
        segments.stream().map(List::of).toList());
  }

  private void pairs(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    CodeId a = new CodeId(Requests.parseLong(ctx.queryParam("a"), "A code"));
    CodeId b = new CodeId(Requests.parseLong(ctx.queryParam("b"), "A code"));
    segments(
        ctx,
        inquiry,
        coding.getCode(a).name() + " × " + coding.getCode(b).name(),
        analysis.coOccurrences(inquiry.id(), a, b, proximity(ctx), scope(ctx, inquiry)));
  }

  private List<SegmentView> query(Context ctx, Inquiry inquiry) {
    CodeId a = new CodeId(Requests.parseLong(ctx.queryParam("a"), "The first code"));
    String operator = Optional.ofNullable(ctx.queryParam("op")).orElse("and");
    CodingQuery left = CodingQuery.coded(a);
    CodingQuery query;
    if ("only".equals(operator)) {
      query = left;
    } else {
      CodingQuery right =
          CodingQuery.coded(new CodeId(Requests.parseLong(ctx.queryParam("b"), "The second code")));
      int distance = Requests.queryCount(ctx, "n", 0);
      query =
          switch (operator) {
            case "and" -> left.and(right);
            case "or" -> left.or(right);
            case "not" -> left.andNot(right);
            case "overlap" -> left.overlapping(right);
            case "near" -> left.near(right, distance);
            case "paragraph" -> left.inSameParagraphAs(right);
            case "turn" -> left.inSameTurnAs(right);
            default -> throw new InvalidInputException("Unknown operator " + operator);
          };
    }
    return analysis.query(inquiry.id(), query, scope(ctx, inquiry));
  }

  private void queryPage(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    List<SegmentView> found = query(ctx, inquiry);
    segments(
        ctx,
        inquiry,
        views.page(ctx).t("analysis.query.found", found.size()),
        found.stream().map(List::of).toList());
  }

  private void segments(
      Context ctx, Inquiry inquiry, String heading, List<List<SegmentView>> groups) {
    views.render(
        ctx,
        "analysis/segments.jte",
        views.page(ctx).in(inquiry, "analysis"),
        new SegmentsView(inquiry, heading, groups));
  }

  /** A segment in JSON. */
  public record SegmentOut(
      long segment,
      long source,
      String sourceTitle,
      int start,
      int end,
      List<Long> codes,
      String quote) {}

  private static List<SegmentOut> segmentsOut(List<SegmentView> views) {
    return views.stream()
        .map(
            v ->
                new SegmentOut(
                    v.segment().id().value(),
                    v.segment().sourceId().value(),
                    v.sourceTitle(),
                    v.segment().start(),
                    v.segment().end(),
                    v.segment().codes().stream().map(CodeId::value).sorted().toList(),
                    v.quote()))
        .toList();
  }

  private Inquiry inquiry(Context ctx) {
    return inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
  }
}
