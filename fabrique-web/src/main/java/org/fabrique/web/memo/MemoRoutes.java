package org.fabrique.web.memo;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.FabriqueException;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.memo.MemoId;
import org.fabrique.core.memo.MemoService;
import org.fabrique.core.user.Role;
import org.fabrique.web.Page;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.Visitors;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.Routes;

/** Memos on the inquiry, its cases, sources, codes and coded segments. */
public final class MemoRoutes {
  private static final int EXCERPT = 120;

  private final InquiryService inquiries;
  private final CorpusService corpus;
  private final CodingService coding;
  private final MemoService memos;
  private final Views views;
  private final Visitors visitors;

  public MemoRoutes(
      InquiryService inquiries,
      CorpusService corpus,
      CodingService coding,
      MemoService memos,
      Views views,
      Visitors visitors) {
    this.inquiries = inquiries;
    this.corpus = corpus;
    this.coding = coding;
    this.memos = memos;
    this.views = views;
    this.visitors = visitors;
  }

  public void mount(Routes routes) {
    routes.get("/inquiries/{inquiry}/memos", Access.role(Role.VIEWER), this::list);
    routes.post("/inquiries/{inquiry}/memos", Access.role(Role.CODER), this::write);
    routes.post("/memos/{memo}/edit", Access.ownWorkOr(Role.CODER, Role.RESEARCHER), this::update);
    routes.post(
        "/memos/{memo}/delete", Access.ownWorkOr(Role.CODER, Role.RESEARCHER), this::delete);

    routes.get("/api/inquiries/{inquiry}/memos", Access.role(Role.VIEWER), this::apiList);
    routes.post("/api/inquiries/{inquiry}/memos", Access.role(Role.CODER), this::apiWrite);
    routes.get(
        "/api/memos/{memo}", Access.role(Role.VIEWER), ctx -> ctx.json(MemoOut.of(memo(ctx))));
    routes.put("/api/memos/{memo}", Access.ownWorkOr(Role.CODER, Role.RESEARCHER), this::apiUpdate);
    routes.delete(
        "/api/memos/{memo}", Access.ownWorkOr(Role.CODER, Role.RESEARCHER), this::apiDelete);
  }

  /** A memo in JSON; target kinds are inquiry, case, source, code and segment. */
  public record MemoOut(
      long id,
      long inquiryId,
      String targetKind,
      long targetId,
      String title,
      String body,
      long authorId,
      Instant createdAt,
      Instant updatedAt) {
    static MemoOut of(Memo m) {
      return new MemoOut(
          m.id().value(),
          m.inquiryId().value(),
          m.target().kind().id(),
          m.target().id(),
          m.title(),
          m.body(),
          m.authorId().value(),
          m.createdAt(),
          m.updatedAt());
    }
  }

  /** What writes a memo; the target is omitted when editing. */
  public record MemoIn(String targetKind, Long targetId, String title, String body) {}

  /** A memo with what it is about, for the list. */
  public record MemoRow(Memo memo, String kind, String label, String href) {}

  /** The list of memos. */
  public record ListView(Inquiry inquiry, List<MemoRow> memos) {}

  private void list(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    Page page = views.page(ctx).in(inquiry, "memos");
    List<MemoRow> rows =
        memos.list(inquiry.id()).stream()
            .sorted(Comparator.comparing(Memo::updatedAt).reversed())
            .map(m -> row(page, m))
            .toList();
    views.render(ctx, "memo/memos.jte", page, new ListView(inquiry, rows));
  }

  private MemoRow row(Page page, Memo memo) {
    ItemRef target = memo.target();
    String kind = page.t("memo.target." + target.kind().id());
    try {
      return switch (target.kind()) {
        case INQUIRY -> new MemoRow(memo, kind, "", "/inquiries/" + target.id());
        case CASE ->
            new MemoRow(
                memo,
                kind,
                inquiries.getCase(new CaseId(target.id())).name(),
                "/cases/" + target.id());
        case SOURCE ->
            new MemoRow(
                memo,
                kind,
                corpus.get(new SourceId(target.id())).title(),
                "/sources/" + target.id());
        case CODE ->
            new MemoRow(
                memo,
                kind,
                coding.getCode(new CodeId(target.id())).name(),
                "/codes/" + target.id());
        case SEGMENT -> {
          Segment segment = coding.segment(new SegmentId(target.id()));
          yield new MemoRow(
              memo,
              kind,
              excerpt(segment.quote()),
              "/sources/"
                  + segment.sourceId()
                  + "?at="
                  + segment.start()
                  + "&end="
                  + segment.end());
        }
        default -> new MemoRow(memo, kind, "", "");
      };
    } catch (FabriqueException e) {
      return new MemoRow(memo, kind, page.t("memo.target.gone"), "");
    }
  }

  private static String excerpt(String quote) {
    String flat = quote.replaceAll("\\s+", " ").strip();
    return flat.codePointCount(0, flat.length()) <= EXCERPT
        ? flat
        : flat.substring(0, flat.offsetByCodePoints(0, EXCERPT)) + "…";
  }

  private void write(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    ItemRef target =
        target(
            inquiry,
            Requests.form(ctx, "targetKind").orElse("inquiry"),
            Requests.formLong(ctx, "targetId").orElse(inquiry.id().value()));
    memos.write(
        inquiry.id(),
        visitors.of(ctx).coder().id(),
        target,
        Requests.formText(ctx, "title"),
        Requests.formText(ctx, "body"));
    Requests.redirectBack(ctx, "/inquiries/" + inquiry.id() + "/memos?notice=memo-saved");
  }

  private void update(Context ctx) {
    Memo memo = memo(ctx);
    memos.update(
        visitors.of(ctx).coder().id(),
        memo.id(),
        Requests.formText(ctx, "title"),
        Requests.formText(ctx, "body"));
    Requests.redirectBack(ctx, "/inquiries/" + memo.inquiryId() + "/memos?notice=memo-saved");
  }

  private void delete(Context ctx) {
    Memo memo = memo(ctx);
    memos.delete(visitors.of(ctx).coder().id(), memo.id());
    Requests.redirectBack(ctx, "/inquiries/" + memo.inquiryId() + "/memos?notice=deleted");
  }

  private void apiList(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    String kind = ctx.queryParam("targetKind");
    String id = ctx.queryParam("targetId");
    List<Memo> memos =
        kind == null
            ? this.memos.list(inquiry.id())
            : this.memos.about(
                target(
                    inquiry,
                    kind,
                    id == null ? inquiry.id().value() : Requests.parseLong(id, "targetId")));
    ctx.json(memos.stream().map(MemoOut::of).toList());
  }

  private void apiWrite(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    MemoIn in = ctx.bodyAsClass(MemoIn.class);
    ItemRef target =
        target(
            inquiry,
            in.targetKind() == null ? "inquiry" : in.targetKind(),
            in.targetId() == null ? inquiry.id().value() : in.targetId());
    Memo memo =
        memos.write(inquiry.id(), visitors.of(ctx).coder().id(), target, in.title(), in.body());
    ctx.status(HttpStatus.CREATED).json(MemoOut.of(memo));
  }

  private void apiUpdate(Context ctx) {
    Memo memo = memo(ctx);
    MemoIn in = ctx.bodyAsClass(MemoIn.class);
    Memo updated =
        memos.update(
            visitors.of(ctx).coder().id(),
            memo.id(),
            in.title() == null ? memo.title() : in.title(),
            in.body() == null ? memo.body() : in.body());
    ctx.json(MemoOut.of(updated));
  }

  private void apiDelete(Context ctx) {
    Memo memo = memo(ctx);
    memos.delete(visitors.of(ctx).coder().id(), memo.id());
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** The item a memo is about, checked to exist in the inquiry. */
  private ItemRef target(Inquiry inquiry, String kindId, long id) {
    ItemKind kind =
        ItemKind.fromId(kindId)
            .orElseThrow(() -> new InvalidInputException("Unknown kind of item for a memo"));
    InquiryId owner =
        switch (kind) {
          case INQUIRY -> inquiries.get(new InquiryId(id)).id();
          case CASE -> inquiries.getCase(new CaseId(id)).inquiryId();
          case SOURCE -> corpus.get(new SourceId(id)).inquiryId();
          case CODE -> coding.getCode(new CodeId(id)).inquiryId();
          case SEGMENT -> corpus.get(coding.segment(new SegmentId(id)).sourceId()).inquiryId();
          default ->
              throw new InvalidInputException(
                  "Memos can be written on the inquiry, cases, sources, codes and segments");
        };
    if (!owner.equals(inquiry.id())) {
      throw new InvalidInputException("This item belongs to another inquiry");
    }
    return new ItemRef(kind, id);
  }

  private Inquiry inquiry(Context ctx) {
    return inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
  }

  private Memo memo(Context ctx) {
    return memos.get(new MemoId(Requests.id(ctx, "memo")));
  }
}
