package org.fabrique.web.audit;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.audit.AuditEntry;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.audit.AuditQuery;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;

/**
 * The audit log: a page for the whole server (site admins), one per inquiry (its owners), and the
 * same entries in JSON. Reading the log is not itself written in it.
 */
public final class AuditRoutes {
  private static final int PAGE_LIMIT = 500;

  private final AuditLog audit;
  private final InquiryService inquiries;
  private final Views views;

  public AuditRoutes(AuditLog audit, InquiryService inquiries, Views views) {
    this.audit = audit;
    this.inquiries = inquiries;
    this.views = views;
  }

  public void mount(JavalinDefaultRouting router) {
    router.get("/audit", this::sitePage);
    router.get("/inquiries/{inquiry}/audit", this::inquiryPage);
    router.get("/api/audit", this::apiList);
    router.get("/api/inquiries/{inquiry}/audit", this::apiInquiryList);
  }

  /** The page: the entries shown, the inquiry when the log is one inquiry's, the date filter. */
  public record AuditView(Optional<Inquiry> inquiry, List<AuditEntry> entries, String since) {}

  /** An entry in JSON. */
  public record EntryOut(
      long id,
      Instant at,
      String action,
      String actor,
      Long inquiryId,
      String target,
      String profile,
      String address,
      String detail) {
    static EntryOut of(AuditEntry entry) {
      return new EntryOut(
          entry.id(),
          entry.at(),
          entry.action().id(),
          entry.actor().orElse(null),
          entry.inquiry().map(InquiryId::value).orElse(null),
          entry.target(),
          entry.profile().orElse(null),
          entry.address().orElse(null),
          entry.detail());
    }
  }

  private void sitePage(Context ctx) {
    AuditQuery query = query(ctx, PAGE_LIMIT);
    views.render(
        ctx,
        "audit/audit.jte",
        views.page(ctx),
        new AuditView(Optional.empty(), audit.list(query), sinceText(ctx)));
  }

  private void inquiryPage(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    AuditQuery query = query(ctx, PAGE_LIMIT).in(inquiry.id());
    views.render(
        ctx,
        "audit/audit.jte",
        views.page(ctx).in(inquiry, "audit"),
        new AuditView(Optional.of(inquiry), audit.list(query), sinceText(ctx)));
  }

  private void apiList(Context ctx) {
    AuditQuery query = query(ctx, Requests.queryCount(ctx, "limit", PAGE_LIMIT));
    String inquiry = ctx.queryParam("inquiry");
    if (inquiry != null && !inquiry.isBlank()) {
      query = query.in(inquiries.get(new InquiryId(Requests.parseLong(inquiry, "inquiry"))).id());
    }
    ctx.json(audit.list(query).stream().map(EntryOut::of).toList());
  }

  private void apiInquiryList(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    AuditQuery query = query(ctx, Requests.queryCount(ctx, "limit", PAGE_LIMIT)).in(inquiry.id());
    ctx.json(audit.list(query).stream().map(EntryOut::of).toList());
  }

  private static AuditQuery query(Context ctx, int limit) {
    if (limit < 1 || limit > AuditQuery.MAX) {
      throw new InvalidInputException(
          "The parameter limit must be between 1 and " + AuditQuery.MAX);
    }
    AuditQuery query = AuditQuery.recent(limit);
    String since = ctx.queryParam("since");
    return since == null || since.isBlank() ? query : query.since(instant(since));
  }

  private static String sinceText(Context ctx) {
    String since = ctx.queryParam("since");
    return since == null ? "" : since.strip();
  }

  /** A date (from its start, UTC) or an instant. */
  static Instant instant(String given) {
    String value = given.strip();
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "The parameter since is a date (2026-03-18) or an instant (2026-03-18T09:00:00Z)", e);
    }
  }

  private Inquiry inquiry(Context ctx) {
    return inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
  }
}
