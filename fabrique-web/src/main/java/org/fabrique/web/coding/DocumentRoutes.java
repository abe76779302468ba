package org.fabrique.web.coding;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodedSpan;
import org.fabrique.core.coding.CodingId;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.memo.MemoService;
import org.fabrique.core.user.Role;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.Visitors;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.Routes;

/**
 * The document view, where the text is read and coded, and the codings API. The page itself holds
 * no text: its script asks for windows of text with their codings as the reader scrolls.
 */
public final class DocumentRoutes {
  /** The size of the windows the page asks for, in code points. */
  public static final int WINDOW = 20_000;

  private final InquiryService inquiries;
  private final CorpusService corpus;
  private final CodingService coding;
  private final MemoService memos;
  private final Views views;
  private final Visitors visitors;

  public DocumentRoutes(
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
    routes.get("/sources/{source}", Access.role(Role.VIEWER), this::document);
    routes.get("/api/sources/{source}/codings", Access.role(Role.VIEWER), this::apiSpans);
    routes.post("/api/sources/{source}/codings", Access.role(Role.CODER), this::apiCode);
    routes.put(
        "/api/codings/{coding}", Access.ownWorkOr(Role.CODER, Role.RESEARCHER), this::apiRecode);
    routes.delete(
        "/api/codings/{coding}", Access.ownWorkOr(Role.CODER, Role.RESEARCHER), this::apiRemove);
  }

  /**
   * The document view.
   *
   * @param withoutText whether the source has no text (only blanks), as one imported from another
   *     tool without its text
   */
  public record DocumentView(
      Inquiry inquiry,
      Source source,
      Optional<Case> theCase,
      List<Codebooks.Row> codes,
      List<Memo> memos,
      List<PassageMemo> passageMemos,
      String bounds,
      boolean withoutText) {

    /** A memo written on a coded passage of this source, with where the passage lies. */
    public record PassageMemo(Memo memo, int start, int end) {}

    /** A code of the side panel; codable codes are numbered from 1 in tree order. */
    public record Option(Codebooks.Row row, int number) {}

    public List<Option> options() {
      List<Option> options = new java.util.ArrayList<>();
      int number = 0;
      for (Codebooks.Row row : codes) {
        options.add(new Option(row, row.node().code().codable() ? ++number : 0));
      }
      return options;
    }
  }

  private void document(Context ctx) {
    Source source = source(ctx);
    Inquiry inquiry = inquiries.get(source.inquiryId());
    PlainText text = corpus.text(source.id());
    views.render(
        ctx,
        "coding/document.jte",
        views.page(ctx).in(inquiry, "sources"),
        new DocumentView(
            inquiry,
            source,
            source.caseId().map(c -> inquiries.getCase(c)),
            Codebooks.flatten(coding.codebook(inquiry.id())),
            memos.about(new ItemRef(ItemKind.SOURCE, source.id().value())),
            passageMemos(inquiry, source),
            bounds(text, WINDOW).stream()
                .map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",")),
            text.text().isBlank()));
  }

  /** Memos on the passages (segments) of a source that are coded now, in reading order. */
  private List<DocumentView.PassageMemo> passageMemos(Inquiry inquiry, Source source) {
    List<Memo> onSegments =
        memos.list(inquiry.id()).stream()
            .filter(m -> m.target().kind() == ItemKind.SEGMENT)
            .toList();
    if (onSegments.isEmpty()) {
      return List.of();
    }
    java.util.Map<Long, CodedSpan> segments = new java.util.HashMap<>();
    for (CodedSpan span : coding.spans(source.id(), 0, source.length())) {
      segments.putIfAbsent(span.segmentId().value(), span);
    }
    return onSegments.stream()
        .filter(m -> segments.containsKey(m.target().id()))
        .map(
            m -> {
              CodedSpan span = segments.get(m.target().id());
              return new DocumentView.PassageMemo(m, span.start(), span.end());
            })
        .sorted(java.util.Comparator.comparingInt(DocumentView.PassageMemo::start))
        .toList();
  }

  private void apiSpans(Context ctx) {
    Source source = source(ctx);
    int from = Requests.queryCount(ctx, "from", 0);
    int to = Math.min(source.length(), Requests.queryCount(ctx, "to", source.length()));
    ctx.json(coding.spans(source.id(), from, to).stream().map(CodeJson.CodingOut::of).toList());
  }

  private void apiCode(Context ctx) {
    Source source = source(ctx);
    CodeJson.CodingIn in = ctx.bodyAsClass(CodeJson.CodingIn.class);
    CodedSpan span =
        coding.code(
            visitors.of(ctx).coder().id(),
            source.id(),
            in.start(),
            in.end(),
            new CodeId(in.codeId()));
    ctx.status(HttpStatus.CREATED).json(CodeJson.CodingOut.of(span));
  }

  private void apiRecode(Context ctx) {
    CodingId id = new CodingId(Requests.id(ctx, "coding"));
    CodeJson.RecodeIn in = ctx.bodyAsClass(CodeJson.RecodeIn.class);
    coding.recode(visitors.of(ctx).coder().id(), id, new CodeId(in.codeId()));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private void apiRemove(Context ctx) {
    CodingId id = new CodingId(Requests.id(ctx, "coding"));
    coding.removeCoding(visitors.of(ctx).coder().id(), id);
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /**
   * Where the windows of a text begin and end, in code points: about {@code size} apart, each cut
   * just after a line break when one comes within half a window, so that paragraphs are not split.
   */
  public static List<Integer> bounds(PlainText text, int size) {
    List<Integer> bounds = new java.util.ArrayList<>();
    bounds.add(0);
    int length = text.length();
    String string = text.text();
    int next = size;
    while (next < length) {
      int from = text.toUtf16(next);
      int limit = text.toUtf16(Math.min(length, next + size / 2));
      int lineBreak = string.indexOf('\n', from);
      int cut = lineBreak >= 0 && lineBreak < limit ? text.toCodePoint(lineBreak + 1) : next;
      if (cut >= length) {
        break;
      }
      bounds.add(cut);
      next = cut + size;
    }
    bounds.add(length);
    return bounds;
  }

  private Source source(Context ctx) {
    return corpus.get(new SourceId(Requests.id(ctx, "source")));
  }
}
