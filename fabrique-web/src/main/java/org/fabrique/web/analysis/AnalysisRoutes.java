package org.fabrique.web.analysis;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.analysis.AnalysisScope;
import org.fabrique.core.analysis.AnalysisService;
import org.fabrique.core.analysis.CodeCounting;
import org.fabrique.core.analysis.CodingQuery;
import org.fabrique.core.analysis.JourneyAnalytics;
import org.fabrique.core.analysis.Matrix;
import org.fabrique.core.analysis.MatrixColumns;
import org.fabrique.core.analysis.MatrixExport;
import org.fabrique.core.analysis.Proximity;
import org.fabrique.core.analysis.SegmentView;
import org.fabrique.core.analysis.agreement.AgreementLevel;
import org.fabrique.core.analysis.agreement.AgreementReport;
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
import org.fabrique.core.user.UserId;
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
  private static final int MAX_DISAGREEMENTS = 300;

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
  }

  public void mount(Routes routes) {
    String base = "/inquiries/{inquiry}/analysis";
    routes.get(base, Access.role(Role.VIEWER), this::index);
    routes.get(base + "/matrix", Access.role(Role.VIEWER), this::matrixPage);
    routes.get(base + "/matrix/export", Access.role(Role.VIEWER), this::export);
    routes.get(base + "/matrix/cell", Access.role(Role.VIEWER), this::cell);
    routes.get(base + "/cooccurrence", Access.role(Role.VIEWER), this::coOccurrencePage);
    routes.get(base + "/cooccurrence/cell", Access.role(Role.VIEWER), this::pairs);
    routes.get(base + "/query", Access.role(Role.VIEWER), this::queryPage);
    routes.get(base + "/agreement", Access.role(Role.VIEWER), this::agreementPage);
    routes.get(base + "/journeys", Access.role(Role.VIEWER), this::journeysPage);
    routes.get(
        "/api" + base + "/journeys",
        Access.role(Role.VIEWER),
        ctx -> ctx.json(journeyMatrices(ctx, inquiry(ctx))));
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
    routes.get(
        "/api" + base + "/agreement",
        Access.role(Role.VIEWER),
        ctx -> ctx.json(AgreementOut.of(agreement(ctx, inquiry(ctx)))));
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

  private AgreementReport agreement(Context ctx, Inquiry inquiry) {
    List<UserId> coders = new ArrayList<>();
    for (String coder : ctx.queryParams("coder")) {
      coders.add(new UserId(Requests.parseLong(coder, "A coder")));
    }
    AgreementLevel level =
        "segment".equals(ctx.queryParam("level"))
            ? AgreementLevel.SEGMENT
            : AgreementLevel.CHARACTER;
    double threshold = 0.8;
    String given = ctx.queryParam("threshold");
    if (given != null && !given.isBlank()) {
      try {
        threshold = Double.parseDouble(given.replace(',', '.'));
      } catch (NumberFormatException e) {
        throw new InvalidInputException("The threshold is a number between 0 and 1", e);
      }
    }
    return analysis.agreement(inquiry.id(), coders, level, threshold, AnalysisScope.everything());
  }

  /** The agreement page: measures per code, then where the coders disagree, side by side. */
  public record AgreementView(
      Inquiry inquiry,
      AgreementReport report,
      Map<Long, String> codeNames,
      Map<Long, String> sourceTitles,
      List<Snippet> disagreements,
      int hidden) {
    public String code(CodeId id) {
      return codeNames.getOrDefault(id.value(), id.toString());
    }
  }

  /** A disagreement with its text. */
  public record Snippet(
      org.fabrique.core.analysis.agreement.Disagreement disagreement, String text) {}

  private void agreementPage(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    AgreementReport report = agreement(ctx, inquiry);
    Map<Long, String> codes = new LinkedHashMap<>();
    coding.codes(inquiry.id()).forEach(c -> codes.put(c.id().value(), c.name()));
    Map<Long, String> titles = new LinkedHashMap<>();
    corpus.list(inquiry.id()).forEach(s -> titles.put(s.id().value(), s.title()));
    List<Snippet> snippets = new ArrayList<>();
    for (var disagreement : report.disagreements()) {
      if (snippets.size() >= MAX_DISAGREEMENTS) {
        break;
      }
      var text = corpus.text(disagreement.sourceId());
      int end = Math.min(disagreement.end(), disagreement.start() + 400);
      snippets.add(new Snippet(disagreement, text.substring(disagreement.start(), end)));
    }
    views.render(
        ctx,
        "analysis/agreement.jte",
        views.page(ctx).in(inquiry, "analysis"),
        new AgreementView(
            inquiry,
            report,
            codes,
            titles,
            snippets,
            report.disagreements().size() - snippets.size()));
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

  /** Agreement in JSON; absent measures are null. */
  public record AgreementOut(
      String level,
      List<Long> coders,
      int sources,
      MeasuresOut overall,
      Map<Long, MeasuresOut> codes,
      int disagreements) {
    static AgreementOut of(AgreementReport report) {
      Map<Long, MeasuresOut> codes = new LinkedHashMap<>();
      report
          .perCode()
          .forEach((code, measures) -> codes.put(code.value(), MeasuresOut.of(measures)));
      return new AgreementOut(
          report.level().name().toLowerCase(Locale.ROOT),
          report.coders().stream().map(UserId::value).toList(),
          report.sources().size(),
          MeasuresOut.of(report.overall()),
          codes,
          report.disagreements().size());
    }
  }

  /** Measures in JSON. */
  public record MeasuresOut(
      double units, Double percentAgreement, Double cohensKappa, Double krippendorffAlpha) {
    static MeasuresOut of(org.fabrique.core.analysis.agreement.Measures measures) {
      return new MeasuresOut(
          measures.units(),
          value(measures.percentAgreement()),
          value(measures.cohensKappa()),
          value(measures.krippendorffAlpha()));
    }

    private static Double value(java.util.OptionalDouble value) {
      return value.isPresent() ? value.getAsDouble() : null;
    }
  }

  /** One journey matrix with its chart data. */
  public record JourneyTable(
      String id,
      Matrix matrix,
      String chartJson,
      List<String> rowLabels,
      List<String> columnLabels,
      List<List<String>> links) {
    public String link(int row, int column) {
      return links.get(row).get(column);
    }

    public long value(int row, int column) {
      return matrix.cell(row, column).value(Matrix.Measure.SEGMENTS);
    }
  }

  /** The journey analytics page: choices, tensions and roles across domains or cases. */
  public record JourneysView(Inquiry inquiry, boolean byCase, List<JourneyTable> tables) {}

  private Map<String, Matrix> journeyMatrices(Context ctx, Inquiry inquiry) {
    JourneyAnalytics.Across across =
        "cases".equals(ctx.queryParam("across"))
            ? JourneyAnalytics.Across.CASES
            : JourneyAnalytics.Across.DOMAINS;
    JourneyAnalytics journeys = analysis.journeys();
    Map<String, Matrix> matrices = new LinkedHashMap<>();
    matrices.put("choices", journeys.choices(inquiry.id(), across));
    matrices.put("tensions", journeys.tensions(inquiry.id()));
    matrices.put("tensions-across", journeys.tensionsAcross(inquiry.id(), across));
    matrices.put("roles", journeys.roles(inquiry.id()));
    return matrices;
  }

  private void journeysPage(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    List<JourneyTable> tables = new ArrayList<>();
    var page = views.page(ctx).in(inquiry, "analysis");
    JourneyTableLabels labels =
        new JourneyTableLabels(
            journeys, inquiry.id(), page, "cases".equals(ctx.queryParam("across")));
    journeyMatrices(ctx, inquiry)
        .forEach(
            (id, matrix) -> {
              Matrix translated = labels.translated(id, matrix);
              tables.add(
                  new JourneyTable(
                      id,
                      translated,
                      Charts.json(translated, Matrix.Measure.SEGMENTS, "heatmap"),
                      labels.rows(id, matrix),
                      labels.columns(id, matrix),
                      labels.links(id, matrix)));
            });
    views.render(
        ctx,
        "analysis/journeys.jte",
        page,
        new JourneysView(inquiry, "cases".equals(ctx.queryParam("across")), tables));
  }

  private Inquiry inquiry(Context ctx) {
    return inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
  }
}
