package org.fabrique.web.redaction;

import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.erasure.ErasureService;
import org.fabrique.core.erasure.PurgeReport;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.redaction.IdentifierCategory;
import org.fabrique.core.redaction.Redaction;
import org.fabrique.core.redaction.RedactionId;
import org.fabrique.core.redaction.RedactionService;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.UserId;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.Visitors;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.Routes;

/**
 * Confidentiality in the web interface: the pseudonymisation page beside a document (the
 * assistant's suggestions with their category, reason and confidence, accepted, rejected or edited
 * one by one or by rule), and the purge of a source or the withdrawal of a participant (a case),
 * each after a page that says what will be erased.
 */
public final class RedactionRoutes {
  private final InquiryService inquiries;
  private final CorpusService corpus;
  private final CodingService coding;
  private final RedactionService redactions;
  private final ErasureService erasure;
  private final Views views;
  private final Visitors visitors;

  public RedactionRoutes(
      InquiryService inquiries,
      CorpusService corpus,
      CodingService coding,
      RedactionService redactions,
      ErasureService erasure,
      Views views,
      Visitors visitors) {
    this.inquiries = inquiries;
    this.corpus = corpus;
    this.coding = coding;
    this.redactions = redactions;
    this.erasure = erasure;
    this.views = views;
    this.visitors = visitors;
  }

  public void mount(Routes routes) {
    routes.get("/sources/{source}/redactions", Access.role(Role.RESEARCHER), this::page);
    routes.post(
        "/sources/{source}/redactions/suggest", Access.role(Role.RESEARCHER), this::suggest);
    routes.post("/sources/{source}/redactions/rule", Access.role(Role.RESEARCHER), this::rule);
    routes.post(
        "/redactions/{redaction}/accept", Access.role(Role.RESEARCHER), ctx -> decide(ctx, true));
    routes.post(
        "/redactions/{redaction}/reject", Access.role(Role.RESEARCHER), ctx -> decide(ctx, false));
    routes.post("/redactions/{redaction}/edit", Access.role(Role.RESEARCHER), this::edit);
    routes.get("/sources/{source}/purge", Access.role(Role.OWNER), this::purgePage);
    routes.post("/sources/{source}/purge", Access.role(Role.OWNER), this::purge);
    routes.get("/cases/{case}/withdraw", Access.role(Role.OWNER), this::withdrawPage);
    routes.post("/cases/{case}/withdraw", Access.role(Role.OWNER), this::withdraw);
  }

  /** A redaction with the passage it covers, for the page. */
  public record Row(Redaction redaction, String passage) {}

  /** The pseudonymisation page of a source. */
  public record PageView(
      Inquiry inquiry, Source source, List<Row> rows, List<IdentifierCategory> categories) {
    /** How many suggestions still wait for a decision. */
    public long pending() {
      return rows.stream()
          .filter(r -> r.redaction().status() == Redaction.Status.SUGGESTED)
          .count();
    }
  }

  private void page(Context ctx) {
    Source source = source(ctx);
    Inquiry inquiry = inquiries.get(source.inquiryId());
    List<Row> rows =
        redactions.list(inquiry.id(), Optional.of(source.id())).stream()
            .sorted(Comparator.comparingInt(Redaction::start))
            .map(r -> new Row(r, redactions.passage(r)))
            .toList();
    views.render(
        ctx,
        "redaction/redactions.jte",
        views.page(ctx).in(inquiry, "sources"),
        new PageView(inquiry, source, rows, List.of(IdentifierCategory.values())));
  }

  private void suggest(Context ctx) {
    Source source = source(ctx);
    redactions.suggest(source.inquiryId(), Optional.of(source.id()));
    Requests.redirectWithNotice(ctx, pagePath(source.id()), "suggested");
  }

  /** Every occurrence of a value in the inquiry accepted (a rule), or its suggestions rejected. */
  private void rule(Context ctx) {
    Source source = source(ctx);
    UserId user = visitors.of(ctx).coder().id();
    String value = Requests.formText(ctx, "value").strip();
    if ("reject".equals(Requests.form(ctx, "decision").orElse("accept"))) {
      redactions.rejectEverywhere(user, source.inquiryId(), value);
    } else {
      redactions.acceptEverywhere(user, source.inquiryId(), value, category(ctx));
    }
    Requests.redirectWithNotice(ctx, pagePath(source.id()), "saved");
  }

  private void decide(Context ctx, boolean accept) {
    RedactionId id = new RedactionId(Requests.id(ctx, "redaction"));
    UserId user = visitors.of(ctx).coder().id();
    Redaction decided = accept ? redactions.accept(user, id) : redactions.reject(user, id);
    Requests.redirect(ctx, pagePath(decided.sourceId()) + "#r" + nextAfter(decided));
  }

  private void edit(Context ctx) {
    RedactionId id = new RedactionId(Requests.id(ctx, "redaction"));
    Redaction before = redactions.get(id);
    int start = Requests.formLong(ctx, "start").map(Math::toIntExact).orElse(before.start());
    int end = Requests.formLong(ctx, "end").map(Math::toIntExact).orElse(before.end());
    Redaction after = redactions.edit(visitors.of(ctx).coder().id(), id, start, end, category(ctx));
    Requests.redirect(ctx, pagePath(after.sourceId()) + "#r" + after.id().value());
  }

  /** The id of the next pending suggestion of the source after this one, or this one's. */
  private long nextAfter(Redaction decided) {
    return redactions.list(decided.inquiryId(), Optional.of(decided.sourceId())).stream()
        .filter(r -> r.status() == Redaction.Status.SUGGESTED && r.start() >= decided.start())
        .min(Comparator.comparingInt(Redaction::start))
        .map(r -> r.id().value())
        .orElse(decided.id().value());
  }

  private static IdentifierCategory category(Context ctx) {
    String id = Requests.formText(ctx, "category");
    return IdentifierCategory.fromId(id)
        .orElseThrow(() -> new InvalidInputException("Unknown category of identifier"));
  }

  // Erasure

  /** What a purge will erase, said before it is confirmed (counts, never content). */
  public record PurgeView(
      Inquiry inquiry,
      Optional<Case> theCase,
      List<Source> sources,
      int codings,
      String action,
      String back) {}

  private void purgePage(Context ctx) {
    Source source = source(ctx);
    Inquiry inquiry = inquiries.get(source.inquiryId());
    views.render(
        ctx,
        "redaction/purge.jte",
        views.page(ctx).in(inquiry, "sources"),
        new PurgeView(
            inquiry,
            Optional.empty(),
            List.of(source),
            codings(inquiry, List.of(source)),
            "/sources/" + source.id() + "/purge",
            "/sources/" + source.id() + "/edit"));
  }

  private void purge(Context ctx) {
    Source source = source(ctx);
    confirmed(ctx);
    erasure.purge(visitors.of(ctx).coder().id(), source.inquiryId(), List.of(source.id()));
    Requests.redirectWithNotice(ctx, "/inquiries/" + source.inquiryId() + "/sources", "purged");
  }

  private void withdrawPage(Context ctx) {
    Case theCase = theCase(ctx);
    Inquiry inquiry = inquiries.get(theCase.inquiryId());
    List<Source> sources =
        corpus.list(inquiry.id()).stream()
            .filter(s -> s.caseId().equals(Optional.of(theCase.id())))
            .toList();
    views.render(
        ctx,
        "redaction/purge.jte",
        views.page(ctx).in(inquiry, "overview"),
        new PurgeView(
            inquiry,
            Optional.of(theCase),
            sources,
            codings(inquiry, sources),
            "/cases/" + theCase.id() + "/withdraw",
            "/cases/" + theCase.id()));
  }

  private void withdraw(Context ctx) {
    Case theCase = theCase(ctx);
    confirmed(ctx);
    PurgeReport report =
        erasure.withdrawCase(visitors.of(ctx).coder().id(), theCase.inquiryId(), theCase.id());
    Requests.redirectWithNotice(
        ctx,
        "/inquiries/" + theCase.inquiryId() + "/sources",
        report.sources().isEmpty() ? "withdrawn-nothing" : "purged");
  }

  /** A purge is done only when the confirmation box of its page was ticked. */
  private static void confirmed(Context ctx) {
    if (!"yes".equals(Requests.form(ctx, "confirm").orElse(""))) {
      throw new InvalidInputException(
          "Tick the box that says you understand that this cannot be undone");
    }
  }

  private int codings(Inquiry inquiry, List<Source> sources) {
    Map<SourceId, Integer> counts = coding.codingCountsBySource(inquiry.id());
    return sources.stream().mapToInt(s -> counts.getOrDefault(s.id(), 0)).sum();
  }

  private static String pagePath(SourceId source) {
    return "/sources/" + source + "/redactions";
  }

  private Source source(Context ctx) {
    return corpus.get(new SourceId(Requests.id(ctx, "source")));
  }

  private Case theCase(Context ctx) {
    return inquiries.getCase(new CaseId(Requests.id(ctx, "case")));
  }
}
