package org.fabrique.web.journey;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fabrique.core.analysis.JourneyAnalytics;
import org.fabrique.core.analysis.Matrix;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.journey.query.JourneyQueries;
import org.fabrique.core.journey.query.JourneyQuery;
import org.fabrique.core.journey.query.JourneyRow;
import org.fabrique.core.journey.query.QueryTables;
import org.fabrique.core.journey.query.SavedQuery;
import org.fabrique.core.user.Role;
import org.fabrique.web.Requests;
import org.fabrique.web.Visitors;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.Routes;

/**
 * The JSON API of journey queries: run a query given as URL parameters (the filters of {@link
 * JourneyQuery#PARAMETERS}), count its elements by domain or case, and keep queries by name.
 */
public final class JourneyQueryApi {
  /** URL parameters that are not filters. */
  /** Parameters of the address that are no filter: the page's controls and the access token. */
  static final List<String> CONTROLS = List.of("count-by", "saved", "compare", "token");

  private final InquiryService inquiries;
  private final JourneyService journeys;
  private final Visitors visitors;

  public JourneyQueryApi(InquiryService inquiries, JourneyService journeys, Visitors visitors) {
    this.inquiries = inquiries;
    this.journeys = journeys;
    this.visitors = visitors;
  }

  public void mount(Routes routes) {
    routes.get("/api/inquiries/{inquiry}/journey/query", Access.role(Role.VIEWER), this::run);
    routes.get("/api/inquiries/{inquiry}/journey/queries", Access.role(Role.VIEWER), this::list);
    routes.post("/api/inquiries/{inquiry}/journey/queries", Access.role(Role.CODER), this::save);
    routes.delete(
        "/api/inquiries/{inquiry}/journey/queries/{query}", Access.role(Role.CODER), this::delete);
  }

  /** A saved query as the API writes it. */
  record SavedOut(long id, String name, Map<String, List<String>> parameters, String query) {
    static SavedOut of(SavedQuery saved) {
      return new SavedOut(
          saved.id().value(), saved.name(), saved.parameters(), saved.query().queryString());
    }
  }

  /** A query to save: its name and its filters. */
  record SaveIn(String name, Map<String, List<String>> parameters) {}

  /** Counts: the columns (domains or cases), then rows of counts (in all, then by category). */
  record CountsOut(List<Header> columns, List<CountRow> rows) {
    record Header(String key, String label) {}

    record CountRow(String key, List<Long> counts) {}

    static CountsOut of(Matrix matrix) {
      return new CountsOut(
          matrix.columns().stream().map(c -> new Header(c.key(), c.label())).toList(),
          java.util.stream.IntStream.range(0, matrix.rows().size())
              .mapToObj(
                  row ->
                      new CountRow(
                          matrix.rows().get(row).key(),
                          matrix.cells().get(row).stream()
                              .map(c -> c.value(Matrix.Measure.SEGMENTS))
                              .toList()))
              .toList());
    }
  }

  /** The query a request asks: a saved one ({@code saved=NAME}) with the filters given. */
  static JourneyQuery query(JourneyService journeys, InquiryId inquiry, Context ctx) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    String saved = ctx.queryParam("saved");
    if (saved != null && !saved.isBlank()) {
      parameters.putAll(journeys.queries().saved(inquiry, saved).parameters());
    }
    ctx.queryParamMap()
        .forEach(
            (name, values) -> {
              boolean given = values.stream().anyMatch(v -> !v.isBlank());
              if (!CONTROLS.contains(name) && given) {
                parameters.put(name, values);
              }
            });
    return JourneyQuery.parse(parameters);
  }

  private void run(Context ctx) {
    InquiryId inquiry = new InquiryId(Requests.id(ctx, "inquiry"));
    JourneyQuery query = query(journeys, inquiry, ctx);
    JourneyQueries queries = journeys.queries();
    String countBy = ctx.queryParam("count-by");
    if (countBy != null && !countBy.isBlank()) {
      JourneyAnalytics.Across across =
          switch (countBy.strip().toLowerCase(Locale.ROOT)) {
            case "domain" -> JourneyAnalytics.Across.DOMAINS;
            case "case" -> JourneyAnalytics.Across.CASES;
            default -> throw new InvalidInputException("count-by is domain or case");
          };
      ctx.json(CountsOut.of(queries.counts(inquiry, query, across)));
      return;
    }
    List<JourneyRow> rows = queries.run(inquiry, query);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("query", query.parameters());
    out.put("count", rows.size());
    out.put("rows", QueryTables.json(rows));
    ctx.json(out);
  }

  private void list(Context ctx) {
    InquiryId inquiry = new InquiryId(Requests.id(ctx, "inquiry"));
    inquiries.get(inquiry);
    ctx.json(journeys.queries().saved(inquiry).stream().map(SavedOut::of).toList());
  }

  private void save(Context ctx) {
    InquiryId inquiry = new InquiryId(Requests.id(ctx, "inquiry"));
    SaveIn in = ctx.bodyAsClass(SaveIn.class);
    if (in == null) {
      throw new InvalidInputException("Send a name and the parameters of the query");
    }
    JourneyQuery query = JourneyQuery.parse(in.parameters() == null ? Map.of() : in.parameters());
    SavedQuery saved =
        journeys.queries().save(visitors.of(ctx).coder().id(), inquiry, in.name(), query);
    ctx.status(HttpStatus.CREATED).json(SavedOut.of(saved));
  }

  private void delete(Context ctx) {
    InquiryId inquiry = new InquiryId(Requests.id(ctx, "inquiry"));
    long id = Requests.id(ctx, "query");
    SavedQuery saved =
        journeys.queries().saved(inquiry).stream()
            .filter(q -> q.id().value() == id)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("There is no saved query " + id));
    journeys.queries().delete(visitors.of(ctx).coder().id(), saved.id());
    ctx.status(HttpStatus.NO_CONTENT);
  }
}
