package org.fabrique.web.history;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.history.History;
import org.fabrique.core.history.HistoryEntry;
import org.fabrique.core.history.Step;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.User;
import org.fabrique.web.Page;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.Visitors;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.Routes;
import org.fabrique.web.i18n.HistorySentences;

/** Undo, redo and the history of an inquiry. Each coder undoes their own actions. */
public final class HistoryRoutes {
  private static final int MAX_LINES = 500;

  /** Lines on the history page at first, and how many more each "older lines" link shows. */
  private static final int PAGE_LINES = 100;

  private final History history;
  private final InquiryService inquiries;
  private final CodingService coding;
  private final Views views;
  private final Visitors visitors;

  public HistoryRoutes(
      History history,
      InquiryService inquiries,
      CodingService coding,
      Views views,
      Visitors visitors) {
    this.history = history;
    this.inquiries = inquiries;
    this.coding = coding;
    this.views = views;
    this.visitors = visitors;
  }

  public void mount(Routes routes) {
    routes.post("/inquiries/{inquiry}/undo", Access.role(Role.CODER), ctx -> step(ctx, true));
    routes.post("/inquiries/{inquiry}/redo", Access.role(Role.CODER), ctx -> step(ctx, false));
    routes.get("/inquiries/{inquiry}/history", Access.role(Role.VIEWER), this::historyPage);
    routes.get("/api/inquiries/{inquiry}/history", Access.role(Role.VIEWER), this::apiHistory);
    routes.get("/api/inquiries/{inquiry}/state", Access.role(Role.VIEWER), this::apiState);
    routes.post(
        "/api/inquiries/{inquiry}/undo", Access.role(Role.CODER), ctx -> apiStep(ctx, true));
    routes.post(
        "/api/inquiries/{inquiry}/redo", Access.role(Role.CODER), ctx -> apiStep(ctx, false));
  }

  /** A line of history in JSON; {@code text} is in the language of the request. */
  public record LineOut(
      long id, String kind, String type, String text, long userId, Instant at, boolean undone) {}

  /**
   * What an undo or redo did; {@code line} is null when there was nothing to do. {@code complete}
   * is false when parts were left out because others changed the same items since ({@code
   * setbacks}), or when nothing could be done and the action was set aside ({@code setAside}, with
   * {@code reason}). {@code state} is where the inquiry stands afterwards.
   */
  public record StepOut(
      boolean done,
      LineOut line,
      boolean complete,
      boolean setAside,
      String reason,
      List<SetbackOut> setbacks,
      StateOut state) {}

  /**
   * Where an inquiry stands for the visitor: {@code version} is the id of its latest history line
   * and changes with every action, undo and redo by anyone; {@code undo} and {@code redo} say, in
   * the request's language, what the visitor's undo and redo would do (null when nothing).
   */
  public record StateOut(long version, String undo, String redo) {}

  /** A part left out: the item ({@code code:12}), why ({@code CHANGED_SINCE}) and a sentence. */
  public record SetbackOut(String item, String reason, String text) {}

  private Optional<Step> apply(Context ctx, Inquiry inquiry, boolean undo) {
    User coder = visitors.of(ctx).coder();
    return undo ? history.undo(inquiry.id(), coder.id()) : history.redo(inquiry.id(), coder.id());
  }

  private void step(Context ctx, boolean undo) {
    Inquiry inquiry = inquiry(ctx);
    Optional<Step> step = apply(ctx, inquiry, undo);
    String notice;
    if (step.isEmpty()) {
      notice = undo ? "nothing-to-undo" : "nothing-to-redo";
    } else if (step.get().setAside()) {
      notice = undo ? "undo-set-aside" : "redo-set-aside";
    } else if (!step.get().complete()) {
      notice = undo ? "undone-partly" : "redone-partly";
    } else {
      notice = undo ? "undone" : "redone";
    }
    String back = Requests.localPath(ctx.formParam("back"), "/inquiries/" + inquiry.id());
    Requests.redirectWithNotice(ctx, back, notice);
  }

  private void apiStep(Context ctx, boolean undo) {
    Inquiry inquiry = inquiry(ctx);
    Page page = views.page(ctx);
    Optional<Step> step = apply(ctx, inquiry, undo);
    if (step.isEmpty()) {
      ctx.json(new StepOut(false, null, true, false, null, List.of(), state(ctx, inquiry, page)));
      return;
    }
    Step done = step.get();
    HistorySentences.Lookup lookup = HistorySentences.lookup(history, coding, inquiry.id());
    ctx.json(
        new StepOut(
            !done.setAside(),
            out(page, done.entry(), lookup),
            done.complete(),
            done.setAside(),
            done.reason().orElse(null),
            done.setbacks().stream()
                .map(
                    s ->
                        new SetbackOut(
                            s.item().toString(),
                            s.reason().name(),
                            page.t(
                                "setback." + s.reason().name().toLowerCase(Locale.ROOT),
                                page.t("setback.item." + s.item().kind().id()),
                                s.item().id())))
                .toList(),
            state(ctx, inquiry, page)));
  }

  private void apiState(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    ctx.header("Cache-Control", "no-store");
    ctx.json(state(ctx, inquiry, views.page(ctx)));
  }

  private StateOut state(Context ctx, Inquiry inquiry, Page page) {
    User coder = visitors.of(ctx).coder();
    HistorySentences.Lookup lookup = HistorySentences.lookup(history, coding, inquiry.id());
    long version = history.version(inquiry.id());
    String undo =
        history
            .nextUndo(inquiry.id(), coder.id())
            .map(e -> HistoryLines.action(page, e, lookup))
            .orElse(null);
    String redo =
        history
            .nextRedo(inquiry.id(), coder.id())
            .map(e -> HistoryLines.action(page, e, lookup))
            .orElse(null);
    return new StateOut(version, undo, redo);
  }

  /** The history page: its lines, whether older ones exist, and how many the next link shows. */
  public record HistoryView(
      Inquiry inquiry, List<HistoryLines.Line> lines, boolean more, int next) {}

  private void historyPage(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    int limit = Math.max(1, Math.min(MAX_LINES, Requests.queryCount(ctx, "limit", PAGE_LINES)));
    Page page = views.page(ctx).in(inquiry, "overview");
    List<HistoryEntry> entries = history.recent(inquiry.id(), limit + 1);
    boolean more = entries.size() > limit;
    List<HistoryEntry> shown = more ? entries.subList(0, limit) : entries;
    views.render(
        ctx,
        "history/history.jte",
        page,
        new HistoryView(
            inquiry,
            HistoryLines.of(page, shown, HistorySentences.lookup(history, coding, inquiry.id())),
            more,
            Math.min(MAX_LINES, limit + PAGE_LINES)));
  }

  private void apiHistory(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    int limit = Math.max(1, Math.min(MAX_LINES, Requests.queryCount(ctx, "limit", 50)));
    Page page = views.page(ctx);
    List<HistoryEntry> entries = history.recent(inquiry.id(), limit);
    List<HistoryLines.Line> described =
        HistoryLines.of(page, entries, HistorySentences.lookup(history, coding, inquiry.id()));
    List<LineOut> lines = new java.util.ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      lines.add(out(entries.get(i), described.get(i)));
    }
    ctx.json(lines);
  }

  private static LineOut out(Page page, HistoryEntry entry, HistorySentences.Lookup lookup) {
    return out(entry, HistoryLines.of(page, entry, lookup));
  }

  private static LineOut out(HistoryEntry entry, HistoryLines.Line line) {
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
    return inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
  }
}
