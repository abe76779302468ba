package org.fabrique.web.analysis;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabrique.core.analysis.AnalysisService;
import org.fabrique.core.analysis.JourneyAnalytics;
import org.fabrique.core.analysis.Matrix;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.user.Role;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.Routes;

/**
 * Journey analytics: choices, tensions and roles counted across domains or cases, as tables with
 * heatmaps whose cells lead to the elements, and their JSON.
 */
public final class JourneyAnalyticsRoutes {
  private final InquiryService inquiries;
  private final AnalysisService analysis;
  private final JourneyService journeys;
  private final Views views;

  JourneyAnalyticsRoutes(
      InquiryService inquiries, AnalysisService analysis, JourneyService journeys, Views views) {
    this.inquiries = inquiries;
    this.analysis = analysis;
    this.journeys = journeys;
    this.views = views;
  }

  void mount(Routes routes, String base) {
    routes.get(base + "/journeys", Access.role(Role.VIEWER), this::journeysPage);
    routes.get(
        "/api" + base + "/journeys",
        Access.role(Role.VIEWER),
        ctx -> ctx.json(journeyMatrices(ctx, inquiry(ctx))));
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
