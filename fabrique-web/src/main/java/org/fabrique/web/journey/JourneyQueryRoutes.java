package org.fabrique.web.journey;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.analysis.JourneyAnalytics;
import org.fabrique.core.analysis.Matrix;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.journey.query.JourneyQuery;
import org.fabrique.core.journey.query.JourneyRow;
import org.fabrique.core.journey.query.SavedQuery;
import org.fabrique.core.user.Role;
import org.fabrique.core.vocabulary.Vocabulary;
import org.fabrique.core.vocabulary.VocabularyName;
import org.fabrique.web.Page;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.Visitors;
import org.fabrique.web.analysis.Charts;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.Routes;

/**
 * The journey query page: filters, the elements found with their rationale, actors and quotes (each
 * opening its source at the passage), saved queries, and the comparison of the results across
 * domains or cases (counts, shares, a chart and the quotes side by side).
 */
public final class JourneyQueryRoutes {
  private final InquiryService inquiries;
  private final CodingService coding;
  private final JourneyService journeys;
  private final Views views;
  private final Visitors visitors;

  public JourneyQueryRoutes(
      InquiryService inquiries,
      CodingService coding,
      JourneyService journeys,
      Views views,
      Visitors visitors) {
    this.inquiries = inquiries;
    this.coding = coding;
    this.journeys = journeys;
    this.views = views;
    this.visitors = visitors;
  }

  public void mount(Routes routes) {
    routes.get("/inquiries/{inquiry}/journey/query", Access.role(Role.VIEWER), this::page);
    routes.post("/inquiries/{inquiry}/journey/query/save", Access.role(Role.CODER), this::save);
    routes.post("/inquiries/{inquiry}/journey/query/delete", Access.role(Role.CODER), this::delete);
  }

  /** The query page. */
  public record QueryPage(
      Inquiry inquiry,
      JourneyView journey,
      JourneyQuery query,
      List<Case> cases,
      List<Code> codes,
      List<SavedQuery> saved,
      List<JourneyRow> rows,
      Optional<Comparison> comparison) {

    /** Whether a filter holds a value (for the selected options of the form). */
    public boolean has(String filter, String value) {
      return query.parameters().getOrDefault(filter, List.of()).contains(value);
    }

    public String value(String filter) {
      return String.join(",", query.parameters().getOrDefault(filter, List.of()));
    }

    public String href(JourneyRow.Quote quote) {
      return "/sources/"
          + quote.sourceId().value()
          + quote.span().map(s -> "?at=" + s.start() + "&end=" + s.end()).orElse("");
    }

    /** Whether the results are compared across domains ("domain") or cases ("case"). */
    public boolean comparing(String across) {
      return comparison.map(c -> c.across().equals(across)).orElse(false);
    }

    public String queryString() {
      return query.queryString();
    }
  }

  /**
   * The results side by side: one column per domain or case, its count and share of the elements
   * found, the shares of each actor category, a chart, and the elements with their first quote.
   */
  public record Comparison(
      String across, Matrix counts, String chartJson, Map<String, List<JourneyRow>> byColumn) {
    public long count(int row, int column) {
      return counts.cell(row, column).value(Matrix.Measure.SEGMENTS);
    }

    /** The share of a cell in its column's elements (row 0 counts them). */
    public double share(int row, int column) {
      long all = count(0, column);
      return all == 0 ? 0 : (double) count(row, column) / all;
    }
  }

  private void page(Context ctx) {
    Inquiry inquiry = inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
    JourneyQuery query = JourneyQueryApi.query(journeys, inquiry.id(), ctx);
    List<JourneyRow> rows = journeys.queries().run(inquiry.id(), query);
    Map<VocabularyName, Vocabulary> vocabularies = new EnumMap<>(VocabularyName.class);
    for (VocabularyName name : VocabularyName.values()) {
      vocabularies.put(name, journeys.vocabulary(inquiry.id(), name));
    }
    JourneyView journey =
        JourneyView.whole(
            inquiry,
            Optional.empty(),
            journeys.elements(inquiry.id()),
            vocabularies,
            visitors.of(ctx).lang().code());
    Page page = views.page(ctx).in(inquiry, "query");
    Optional<Comparison> comparison = Optional.empty();
    String compare = ctx.queryParam("compare");
    if ("domain".equals(compare) || "case".equals(compare)) {
      comparison = Optional.of(compare(inquiry, query, rows, compare, journey, page));
    }
    views.render(
        ctx,
        "journey/query.jte",
        page,
        new QueryPage(
            inquiry,
            journey,
            query,
            inquiries.cases(inquiry.id()),
            coding.codes(inquiry.id()),
            journeys.queries().saved(inquiry.id()),
            rows,
            comparison));
  }

  private Comparison compare(
      Inquiry inquiry,
      JourneyQuery query,
      List<JourneyRow> rows,
      String across,
      JourneyView journey,
      Page page) {
    JourneyAnalytics.Across by =
        "case".equals(across) ? JourneyAnalytics.Across.CASES : JourneyAnalytics.Across.DOMAINS;
    Matrix counts = journeys.queries().counts(inquiry.id(), query, by);
    Map<String, List<JourneyRow>> byColumn = new LinkedHashMap<>();
    counts.columns().forEach(c -> byColumn.put(c.key(), new ArrayList<>()));
    for (JourneyRow row : rows) {
      String key =
          by == JourneyAnalytics.Across.DOMAINS
              ? row.domain().map(d -> d.id()).orElse(JourneyAnalytics.NONE)
              : row.caseId().map(c -> Long.toString(c.value())).orElse(JourneyAnalytics.NONE);
      byColumn.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    // The chart names the actor categories as the table does, in the page's language.
    List<Matrix.Header> labelled = new ArrayList<>();
    for (int r = 0; r < counts.rows().size(); r++) {
      String key = counts.rows().get(r).key();
      labelled.add(
          new Matrix.Header(
              key,
              r == 0
                  ? page.t("query.comparison.all")
                  : journey.term(VocabularyName.ACTOR_CATEGORIES, key)));
    }
    Matrix chart = new Matrix(counts.corner(), labelled, counts.columns(), counts.cells());
    return new Comparison(
        across, counts, Charts.json(chart, Matrix.Measure.SEGMENTS, "heatmap"), byColumn);
  }

  private void save(Context ctx) {
    InquiryId inquiry = new InquiryId(Requests.id(ctx, "inquiry"));
    String name = Requests.formText(ctx, "name");
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (String filter : JourneyQuery.PARAMETERS) {
      List<String> values = ctx.formParams(filter).stream().filter(v -> !v.isBlank()).toList();
      if (!values.isEmpty()) {
        parameters.put(filter, values);
      }
    }
    SavedQuery saved =
        journeys
            .queries()
            .save(visitors.of(ctx).coder().id(), inquiry, name, JourneyQuery.parse(parameters));
    Requests.redirect(
        ctx,
        "/inquiries/"
            + inquiry.value()
            + "/journey/query?saved="
            + java.net.URLEncoder.encode(saved.name(), java.nio.charset.StandardCharsets.UTF_8));
  }

  private void delete(Context ctx) {
    InquiryId inquiry = new InquiryId(Requests.id(ctx, "inquiry"));
    SavedQuery saved = journeys.queries().saved(inquiry, Requests.formText(ctx, "name"));
    journeys.queries().delete(visitors.of(ctx).coder().id(), saved.id());
    Requests.redirect(ctx, "/inquiries/" + inquiry.value() + "/journey/query");
  }
}
