package org.fabrique.web.analysis;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.fabrique.core.analysis.AnalysisScope;
import org.fabrique.core.analysis.AnalysisService;
import org.fabrique.core.analysis.agreement.AgreementLevel;
import org.fabrique.core.analysis.agreement.AgreementReport;
import org.fabrique.core.analysis.agreement.Disagreement;
import org.fabrique.core.analysis.agreement.Measures;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.UserId;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.Routes;

/**
 * Inter-coder agreement: the page with the measures per code and where the coders disagree, side by
 * side, and its JSON.
 */
public final class AgreementRoutes {
  private static final int MAX_DISAGREEMENTS = 300;

  private final InquiryService inquiries;
  private final CorpusService corpus;
  private final CodingService coding;
  private final AnalysisService analysis;
  private final Views views;

  AgreementRoutes(
      InquiryService inquiries,
      CorpusService corpus,
      CodingService coding,
      AnalysisService analysis,
      Views views) {
    this.inquiries = inquiries;
    this.corpus = corpus;
    this.coding = coding;
    this.analysis = analysis;
    this.views = views;
  }

  void mount(Routes routes, String base) {
    routes.get(base + "/agreement", Access.role(Role.VIEWER), this::agreementPage);
    routes.get(
        "/api" + base + "/agreement",
        Access.role(Role.VIEWER),
        ctx -> ctx.json(AgreementOut.of(agreement(ctx, inquiry(ctx)))));
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
  public record Snippet(Disagreement disagreement, String text) {}

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
    static MeasuresOut of(Measures measures) {
      return new MeasuresOut(
          measures.units(),
          value(measures.percentAgreement()),
          value(measures.cohensKappa()),
          value(measures.krippendorffAlpha()));
    }

    private static Double value(OptionalDouble value) {
      return value.isPresent() ? value.getAsDouble() : null;
    }
  }

  private Inquiry inquiry(Context ctx) {
    return inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
  }
}
