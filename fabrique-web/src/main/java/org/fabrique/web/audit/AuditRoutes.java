package org.fabrique.web.audit;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.audit.AuditEntry;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.audit.AuditQuery;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.user.Role;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.Routes;

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

  public void mount(Routes routes) {
    routes.get("/audit", Access.admin(), this::sitePage);
    routes.get("/inquiries/{inquiry}/audit", Access.role(Role.OWNER), this::inquiryPage);
    routes.get("/api/audit", Access.admin(), this::apiList);
    routes.get("/api/inquiries/{inquiry}/audit", Access.role(Role.OWNER), this::apiInquiryList);
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
    return since == null || since.isBlank() ? query : query.since(since, "The parameter since");
  }

  private static String sinceText(Context ctx) {
    String since = ctx.queryParam("since");
    return since == null ? "" : since.strip();
  }

  private Inquiry inquiry(Context ctx) {
    return inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
  }
}
