package org.fabrique.web.coding;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeChange;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodeNode;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.coding.QuotedSpan;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.memo.MemoService;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.UserId;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.Visitors;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.Routes;

/** The codebook: its tree, each code's page with its coded segments, and the JSON API. */
public final class CodebookRoutes {
  private final InquiryService inquiries;
  private final CodingService coding;
  private final MemoService memos;
  private final Views views;
  private final Visitors visitors;

  public CodebookRoutes(
      InquiryService inquiries,
      CodingService coding,
      MemoService memos,
      Views views,
      Visitors visitors) {
    this.inquiries = inquiries;
    this.coding = coding;
    this.memos = memos;
    this.views = views;
    this.visitors = visitors;
  }

  public void mount(Routes routes) {
    routes.get("/inquiries/{inquiry}/codebook", Access.role(Role.VIEWER), this::codebook);
    routes.post("/inquiries/{inquiry}/codes", Access.role(Role.RESEARCHER), this::create);
    routes.get("/codes/{code}", Access.role(Role.VIEWER), this::codePage);
    routes.post("/codes/{code}/edit", Access.role(Role.RESEARCHER), this::update);
    routes.post("/codes/{code}/move", Access.role(Role.RESEARCHER), this::move);
    routes.post("/codes/{code}/merge", Access.role(Role.RESEARCHER), this::merge);
    routes.post("/codes/{code}/delete", Access.role(Role.RESEARCHER), this::delete);

    routes.get("/api/inquiries/{inquiry}/codes", Access.role(Role.VIEWER), this::apiList);
    routes.get("/api/inquiries/{inquiry}/codebook", Access.role(Role.VIEWER), this::apiTree);
    routes.post("/api/inquiries/{inquiry}/codes", Access.role(Role.RESEARCHER), this::apiCreate);
    routes.get(
        "/api/codes/{code}",
        Access.role(Role.VIEWER),
        ctx -> ctx.json(CodeJson.CodeOut.of(code(ctx))));
    routes.put("/api/codes/{code}", Access.role(Role.RESEARCHER), this::apiUpdate);
    routes.delete("/api/codes/{code}", Access.role(Role.RESEARCHER), this::apiDelete);
    routes.post("/api/codes/{code}/move", Access.role(Role.RESEARCHER), this::apiMove);
    routes.post("/api/codes/{code}/merge", Access.role(Role.RESEARCHER), this::apiMerge);
    routes.get("/api/codes/{code}/segments", Access.role(Role.VIEWER), this::apiSegments);
  }

  // Pages

  /** The codebook page. */
  public record CodebookView(Inquiry inquiry, List<Codebooks.Row> rows, List<String> palette) {}

  private void codebook(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    views.render(
        ctx,
        "coding/codebook.jte",
        views.page(ctx).in(inquiry, "codebook"),
        new CodebookView(
            inquiry, Codebooks.flatten(coding.codebook(inquiry.id())), CodingService.PALETTE));
  }

  private void create(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    CodingService.NewCode request =
        new CodingService.NewCode(
            Requests.formText(ctx, "name"),
            Requests.formLong(ctx, "parentId").map(CodeId::new),
            Requests.form(ctx, "colour"),
            Requests.formText(ctx, "description"),
            ctx.formParam("codable") != null);
    coding.createCode(inquiry.id(), user(ctx), request);
    Requests.redirectWithNotice(ctx, "/inquiries/" + inquiry.id() + "/codebook", "code-created");
  }

  /** A code's page. */
  public record CodeView(
      Inquiry inquiry,
      Code code,
      Optional<Code> parent,
      List<Codebooks.Row> rows,
      List<QuotedSpan> segments,
      List<Memo> memos) {
    /** The codes this one may be moved under: not itself, not its descendants. */
    public List<Codebooks.Row> parents() {
      int depth = -1;
      List<Codebooks.Row> result = new java.util.ArrayList<>();
      for (Codebooks.Row row : rows) {
        if (depth >= 0 && row.depth() > depth) {
          continue;
        }
        depth = -1;
        if (row.node().code().id().equals(code.id())) {
          depth = row.depth();
          continue;
        }
        result.add(row);
      }
      return result;
    }

    /** The codes this one may be merged into: any other code that is not a descendant. */
    public List<Codebooks.Row> mergeTargets() {
      return parents();
    }
  }

  private void codePage(Context ctx) {
    Code code = code(ctx);
    Inquiry inquiry = inquiries.get(code.inquiryId());
    List<CodeNode> tree = coding.codebook(inquiry.id());
    views.render(
        ctx,
        "coding/code.jte",
        views.page(ctx).in(inquiry, "codebook"),
        new CodeView(
            inquiry,
            code,
            code.parentId().map(p -> coding.getCode(p)),
            Codebooks.flatten(tree),
            coding.segmentsOf(code.id()),
            memos.about(new ItemRef(ItemKind.CODE, code.id().value()))));
  }

  /**
   * Saves the fields of the form that the user changed: each field is compared with the value the
   * form showed ({@code shown-…}), so that a change made by someone else since the form was opened
   * is kept where this user left the field as it was.
   */
  private void update(Context ctx) {
    Code code = code(ctx);
    CodeChange change = CodeChange.none();
    String name = Requests.formText(ctx, "name");
    if (edited(ctx, "name", name)) {
      change = change.withName(name);
    }
    Optional<String> colour = Requests.form(ctx, "colour");
    if (colour.isPresent() && edited(ctx, "colour", colour.get())) {
      change = change.withColour(colour.get());
    }
    String description = Requests.formText(ctx, "description");
    if (edited(ctx, "description", description)) {
      change = change.withDescription(description);
    }
    String codable = String.valueOf(ctx.formParam("codable") != null);
    if (edited(ctx, "codable", codable)) {
      change = change.withCodable(Boolean.parseBoolean(codable));
    }
    coding.changeCode(user(ctx), code.id(), change);
    Requests.redirectBack(ctx, "/codes/" + code.id() + "?notice=saved");
  }

  /** Whether a form field differs from the value the form showed (always, when it did not say). */
  private static boolean edited(Context ctx, String field, String value) {
    String shown = ctx.formParam("shown-" + field);
    return shown == null || !shown.replace("\r\n", "\n").equals(value.replace("\r\n", "\n"));
  }

  private void move(Context ctx) {
    Code code = code(ctx);
    Optional<String> direction = Requests.form(ctx, "direction");
    if (direction.isPresent()) {
      List<Code> siblings = siblings(code);
      int index = siblings.indexOf(code);
      int target = direction.get().equals("up") ? index - 1 : index + 1;
      if (target >= 0 && target < siblings.size()) {
        coding.moveCode(user(ctx), code.id(), code.parentId(), target);
      }
    } else {
      Optional<CodeId> parent = Requests.formLong(ctx, "parentId").map(CodeId::new);
      int position =
          Requests.formLong(ctx, "position").map(Long::intValue).orElse(Integer.MAX_VALUE);
      coding.moveCode(user(ctx), code.id(), parent, position);
    }
    Requests.redirectBack(ctx, "/inquiries/" + code.inquiryId() + "/codebook");
  }

  private List<Code> siblings(Code code) {
    return coding.codes(code.inquiryId()).stream()
        .filter(c -> c.parentId().equals(code.parentId()))
        .sorted(Comparator.comparingInt(Code::position).thenComparing(Code::name))
        .toList();
  }

  private void merge(Context ctx) {
    Code code = code(ctx);
    long into =
        Requests.formLong(ctx, "intoId")
            .orElseThrow(() -> new InvalidInputException("Choose the code to merge into"));
    coding.mergeCodes(user(ctx), code.id(), new CodeId(into));
    Requests.redirectWithNotice(ctx, "/codes/" + into, "merged");
  }

  private void delete(Context ctx) {
    Code code = code(ctx);
    coding.deleteCode(user(ctx), code.id());
    Requests.redirectWithNotice(ctx, "/inquiries/" + code.inquiryId() + "/codebook", "deleted");
  }

  // API

  private void apiList(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    ctx.json(coding.codes(inquiry.id()).stream().map(CodeJson.CodeOut::of).toList());
  }

  private void apiTree(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    ctx.json(coding.codebook(inquiry.id()).stream().map(CodeJson.NodeOut::of).toList());
  }

  private void apiCreate(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    CodeJson.CodeIn in = ctx.bodyAsClass(CodeJson.CodeIn.class);
    CodingService.NewCode request =
        new CodingService.NewCode(
            in.name(),
            Optional.ofNullable(in.parentId()).map(CodeId::new),
            Optional.ofNullable(in.colour()).filter(c -> !c.isBlank()),
            in.description() == null ? "" : in.description(),
            in.codable() == null || in.codable());
    Code code = coding.createCode(inquiry.id(), user(ctx), request);
    ctx.status(HttpStatus.CREATED).json(CodeJson.CodeOut.of(code));
  }

  /** Changes the fields the request gives; those it leaves out stay as they are. */
  private void apiUpdate(Context ctx) {
    Code code = code(ctx);
    CodeJson.CodeIn in = ctx.bodyAsClass(CodeJson.CodeIn.class);
    CodeChange change = CodeChange.none();
    if (in.name() != null) {
      change = change.withName(in.name());
    }
    if (in.colour() != null) {
      change = change.withColour(in.colour());
    }
    if (in.description() != null) {
      change = change.withDescription(in.description());
    }
    if (in.codable() != null) {
      change = change.withCodable(in.codable());
    }
    ctx.json(CodeJson.CodeOut.of(coding.changeCode(user(ctx), code.id(), change)));
  }

  private void apiDelete(Context ctx) {
    Code code = code(ctx);
    coding.deleteCode(user(ctx), code.id());
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private void apiMove(Context ctx) {
    Code code = code(ctx);
    CodeJson.MoveIn in = ctx.bodyAsClass(CodeJson.MoveIn.class);
    coding.moveCode(
        user(ctx),
        code.id(),
        Optional.ofNullable(in.parentId()).map(CodeId::new),
        in.position() == null ? Integer.MAX_VALUE : in.position());
    ctx.json(CodeJson.CodeOut.of(coding.getCode(code.id())));
  }

  private void apiMerge(Context ctx) {
    Code code = code(ctx);
    CodeJson.MergeIn in = ctx.bodyAsClass(CodeJson.MergeIn.class);
    coding.mergeCodes(user(ctx), code.id(), new CodeId(in.intoId()));
    ctx.json(CodeJson.CodeOut.of(coding.getCode(new CodeId(in.intoId()))));
  }

  private void apiSegments(Context ctx) {
    Code code = code(ctx);
    ctx.json(coding.segmentsOf(code.id()).stream().map(CodeJson.QuoteOut::of).toList());
  }

  // Reading the request

  private UserId user(Context ctx) {
    return visitors.of(ctx).coder().id();
  }

  private Inquiry inquiry(Context ctx) {
    return inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
  }

  private Code code(Context ctx) {
    return coding.getCode(new CodeId(Requests.id(ctx, "code")));
  }
}
