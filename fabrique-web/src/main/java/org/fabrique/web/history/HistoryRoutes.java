package org.fabrique.web.history;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.Fabrique;
import org.fabrique.core.history.HistoryEntry;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.User;
import org.fabrique.web.Page;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.Visitors;

/** Undo, redo and the history of an inquiry. Each coder undoes their own actions. */
public final class HistoryRoutes {
  private static final int MAX_LINES = 500;

  private final Fabrique fabrique;
  private final Views views;
  private final Visitors visitors;

  public HistoryRoutes(Fabrique fabrique, Views views, Visitors visitors) {
    this.fabrique = fabrique;
    this.views = views;
    this.visitors = visitors;
  }

  public void mount(JavalinDefaultRouting router) {
    router.post("/inquiries/{inquiry}/undo", ctx -> step(ctx, true));
    router.post("/inquiries/{inquiry}/redo", ctx -> step(ctx, false));
    router.get("/api/inquiries/{inquiry}/history", this::apiHistory);
    router.post("/api/inquiries/{inquiry}/undo", ctx -> apiStep(ctx, true));
    router.post("/api/inquiries/{inquiry}/redo", ctx -> apiStep(ctx, false));
  }

  /** A line of history in JSON; {@code text} is in the language of the request. */
  public record LineOut(
      long id, String kind, String type, String text, long userId, Instant at, boolean undone) {}

  /** What an undo or redo did; {@code line} is null when there was nothing to do. */
  public record StepOut(boolean done, LineOut line) {}

  private Optional<HistoryEntry> apply(Context ctx, Inquiry inquiry, boolean undo) {
    User coder = visitors.of(ctx).coder();
    return undo
        ? fabrique.history().undo(inquiry.id(), coder.id())
        : fabrique.history().redo(inquiry.id(), coder.id());
  }

  private void step(Context ctx, boolean undo) {
    Inquiry inquiry = inquiry(ctx);
    boolean done = apply(ctx, inquiry, undo).isPresent();
    String notice =
        done ? (undo ? "undone" : "redone") : (undo ? "nothing-to-undo" : "nothing-to-redo");
    String back = Requests.localPath(ctx.formParam("back"), "/inquiries/" + inquiry.id());
    Requests.redirectWithNotice(ctx, back, notice);
  }

  private void apiStep(Context ctx, boolean undo) {
    Inquiry inquiry = inquiry(ctx);
    Page page = views.page(ctx);
    Optional<HistoryEntry> entry = apply(ctx, inquiry, undo);
    ctx.json(new StepOut(entry.isPresent(), entry.map(e -> out(page, e)).orElse(null)));
  }

  private void apiHistory(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    int limit = Math.max(1, Math.min(MAX_LINES, Requests.queryCount(ctx, "limit", 50)));
    Page page = views.page(ctx);
    List<LineOut> lines =
        fabrique.history().recent(inquiry.id(), limit).stream().map(e -> out(page, e)).toList();
    ctx.json(lines);
  }

  private static LineOut out(Page page, HistoryEntry entry) {
    HistoryLines.Line line = HistoryLines.of(page, entry);
    return new LineOut(
        entry.id(),
        line.kind(),
        entry.operation().type(),
        line.text(),
        line.userId(),
        line.at(),
        line.undone());
  }

  private Inquiry inquiry(Context ctx) {
    return fabrique.inquiries().get(new InquiryId(Requests.id(ctx, "inquiry")));
  }
}
