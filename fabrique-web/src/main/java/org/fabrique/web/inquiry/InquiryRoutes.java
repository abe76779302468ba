package org.fabrique.web.inquiry;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeService;
import org.fabrique.core.coding.CodeNode;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.history.History;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.journey.EvidenceCoverage;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.memo.MemoService;
import org.fabrique.core.user.MembershipService;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserId;
import org.fabrique.web.Page;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.Visitors;
import org.fabrique.web.attribute.AttributeForms;
import org.fabrique.web.attribute.AttributeJson;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.AccessCheck;
import org.fabrique.web.auth.Routes;
import org.fabrique.web.history.HistoryLines;
import org.fabrique.web.i18n.HistorySentences;

/** The home page, the inquiry overview and the cases, as pages and as JSON. */
public final class InquiryRoutes {
  private static final int HISTORY_LINES = 15;

  private final History history;
  private final InquiryService inquiries;
  private final CorpusService corpus;
  private final CodingService coding;
  private final MemoService memos;
  private final AttributeService attributes;
  private final JourneyService journeys;
  private final MembershipService members;
  private final Views views;
  private final Visitors visitors;
  private final AccessCheck access;

  /** The services the inquiry pages use: an inquiry's overview reads most of them. */
  public record Services(
      History history,
      InquiryService inquiries,
      CorpusService corpus,
      CodingService coding,
      MemoService memos,
      AttributeService attributes,
      JourneyService journeys,
      MembershipService members) {}

  public InquiryRoutes(Services services, Views views, Visitors visitors, AccessCheck access) {
    this.history = services.history();
    this.inquiries = services.inquiries();
    this.corpus = services.corpus();
    this.coding = services.coding();
    this.memos = services.memos();
    this.attributes = services.attributes();
    this.journeys = services.journeys();
    this.members = services.members();
    this.views = views;
    this.visitors = visitors;
    this.access = access;
  }

  public void mount(Routes routes) {
    routes.get("/", Access.signedIn(), this::home);
    routes.post("/inquiries", Access.signedIn(), this::create);
    routes.get("/inquiries/{inquiry}", Access.role(Role.VIEWER), this::overview);
    routes.post("/inquiries/{inquiry}/edit", Access.role(Role.RESEARCHER), this::rename);
    routes.post("/inquiries/{inquiry}/cases", Access.role(Role.RESEARCHER), this::createCase);
    routes.get("/cases/{case}", Access.role(Role.VIEWER), this::casePage);
    routes.post("/cases/{case}", Access.role(Role.RESEARCHER), this::updateCase);
    routes.post("/cases/{case}/delete", Access.role(Role.RESEARCHER), this::deleteCase);

    routes.get("/api/inquiries", Access.signedIn(), this::apiList);
    routes.post("/api/inquiries", Access.signedIn(), this::apiCreate);
    routes.get("/api/inquiries/{inquiry}", Access.role(Role.VIEWER), this::apiGet);
    routes.put("/api/inquiries/{inquiry}", Access.role(Role.RESEARCHER), this::apiRename);
    routes.get("/api/inquiries/{inquiry}/cases", Access.role(Role.VIEWER), this::apiCases);
    routes.post(
        "/api/inquiries/{inquiry}/cases", Access.role(Role.RESEARCHER), this::apiCreateCase);
    routes.get("/api/cases/{case}", Access.role(Role.VIEWER), this::apiCase);
    routes.put("/api/cases/{case}", Access.role(Role.RESEARCHER), this::apiUpdateCase);
    routes.delete("/api/cases/{case}", Access.role(Role.RESEARCHER), this::apiDeleteCase);
  }

  // Pages

  /** A row of the home page. */
  public record InquiryRow(Inquiry inquiry, int cases, int sources, int codes) {}

  /** The home page. */
  public record HomeView(List<InquiryRow> inquiries) {}

  private void home(Context ctx) {
    List<InquiryRow> rows =
        inquiries.list().stream()
            .filter(i -> access.roleIn(ctx, i.id()).isPresent())
            .map(
                i ->
                    new InquiryRow(
                        i,
                        inquiries.cases(i.id()).size(),
                        corpus.list(i.id()).size(),
                        coding.codes(i.id()).size()))
            .toList();
    views.render(ctx, "home.jte", views.page(ctx), new HomeView(rows));
  }

  private void create(Context ctx) {
    Inquiry inquiry =
        inquiries.create(Requests.formText(ctx, "name"), Requests.formText(ctx, "description"));
    UserId creator = visitors.of(ctx).coder().id();
    members.put(creator, inquiry.id(), creator, Role.OWNER);
    Requests.redirect(ctx, "/inquiries/" + inquiry.id());
  }

  /** A case with the number of its sources. */
  public record CaseRow(Case theCase, int sources) {}

  /** The overview of an inquiry. */
  public record OverviewView(
      Inquiry inquiry,
      List<CaseRow> cases,
      int sources,
      List<CodeNode> codebook,
      int codes,
      int codings,
      List<Memo> memos,
      List<HistoryLines.Line> history) {}

  private void overview(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    Page page = views.page(ctx).in(inquiry, "overview");
    List<Source> sources = corpus.list(inquiry.id());
    Map<Long, Long> perCase =
        sources.stream()
            .flatMap(s -> s.caseId().stream())
            .collect(Collectors.groupingBy(CaseId::value, Collectors.counting()));
    List<CaseRow> cases =
        inquiries.cases(inquiry.id()).stream()
            .map(c -> new CaseRow(c, perCase.getOrDefault(c.id().value(), 0L).intValue()))
            .toList();
    List<CodeNode> codebook = coding.codebook(inquiry.id());
    int codes = coding.codes(inquiry.id()).size();
    int codings = codebook.stream().mapToInt(CodeNode::totalCodings).sum();
    List<Memo> memos = this.memos.about(new ItemRef(ItemKind.INQUIRY, inquiry.id().value()));
    List<HistoryLines.Line> history =
        HistoryLines.of(
            page,
            this.history.recent(inquiry.id(), HISTORY_LINES),
            HistorySentences.lookup(this.history, coding, inquiry.id()));
    views.render(
        ctx,
        "inquiry/overview.jte",
        page,
        new OverviewView(inquiry, cases, sources.size(), codebook, codes, codings, memos, history));
  }

  private void rename(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    inquiries.rename(
        visitors.of(ctx).coder().id(),
        inquiry.id(),
        Requests.formText(ctx, "name"),
        Requests.formText(ctx, "description"));
    Requests.redirectWithNotice(ctx, "/inquiries/" + inquiry.id(), "saved");
  }

  private void createCase(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    User coder = visitors.of(ctx).coder();
    inquiries.createCase(
        inquiry.id(),
        coder.id(),
        Requests.formText(ctx, "name"),
        domain(Requests.formText(ctx, "domain")),
        Requests.formText(ctx, "description"));
    Requests.redirectWithNotice(
        ctx,
        Requests.localPath(ctx.formParam("back"), "/inquiries/" + inquiry.id() + "#cases"),
        "case-created");
  }

  /** The page of a case. */
  public record CaseView(
      Inquiry inquiry,
      Case theCase,
      List<AttributeForms.Field> attributes,
      List<Source> sources,
      List<Memo> memos,
      EvidenceCoverage.Share evidence) {}

  private void casePage(Context ctx) {
    Case theCase = theCase(ctx);
    Inquiry inquiry = inquiries.get(theCase.inquiryId());
    List<Source> sources =
        corpus.list(inquiry.id()).stream()
            .filter(s -> s.caseId().equals(java.util.Optional.of(theCase.id())))
            .sorted(
                (a, b) ->
                    org.fabrique.web.i18n.NaturalOrder.of(views.page(ctx).lang())
                        .compare(a.title(), b.title()))
            .toList();
    views.render(
        ctx,
        "inquiry/case.jte",
        views.page(ctx).in(inquiry, "overview"),
        new CaseView(
            inquiry,
            theCase,
            AttributeForms.fields(
                attributes, inquiry.id(), AttributeScope.CASE, theCase.id().value()),
            sources,
            memos.about(new ItemRef(ItemKind.CASE, theCase.id().value())),
            journeys.evidenceShare(theCase.id())));
  }

  private void updateCase(Context ctx) {
    Case theCase = theCase(ctx);
    User coder = visitors.of(ctx).coder();
    Case updated =
        inquiries.updateCase(
            coder.id(),
            theCase.id(),
            Requests.formText(ctx, "name"),
            domain(Requests.formText(ctx, "domain")),
            Requests.formText(ctx, "description"));
    AttributeForms.save(
        ctx,
        attributes,
        coder.id(),
        updated.inquiryId(),
        AttributeScope.CASE,
        updated.id().value());
    Requests.redirectWithNotice(ctx, "/cases/" + updated.id(), "saved");
  }

  private void deleteCase(Context ctx) {
    Case theCase = theCase(ctx);
    inquiries.deleteCase(visitors.of(ctx).coder().id(), theCase.id());
    Requests.redirectWithNotice(ctx, "/inquiries/" + theCase.inquiryId() + "#cases", "deleted");
  }

  // API

  private void apiList(Context ctx) {
    ctx.json(
        inquiries.list().stream()
            .filter(i -> access.roleIn(ctx, i.id()).isPresent())
            .map(InquiryJson.InquiryOut::of)
            .toList());
  }

  private void apiCreate(Context ctx) {
    InquiryJson.InquiryIn in = ctx.bodyAsClass(InquiryJson.InquiryIn.class);
    Inquiry inquiry = inquiries.create(in.name(), in.description());
    UserId creator = visitors.of(ctx).coder().id();
    members.put(creator, inquiry.id(), creator, Role.OWNER);
    ctx.status(HttpStatus.CREATED).json(InquiryJson.InquiryOut.of(inquiry));
  }

  private void apiGet(Context ctx) {
    ctx.json(InquiryJson.InquiryOut.of(inquiry(ctx)));
  }

  private void apiRename(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    InquiryJson.InquiryIn in = ctx.bodyAsClass(InquiryJson.InquiryIn.class);
    ctx.json(
        InquiryJson.InquiryOut.of(
            inquiries.rename(
                visitors.of(ctx).coder().id(), inquiry.id(), in.name(), in.description())));
  }

  private void apiCases(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    ctx.json(inquiries.cases(inquiry.id()).stream().map(this::caseOut).toList());
  }

  private void apiCreateCase(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    InquiryJson.CaseIn in = ctx.bodyAsClass(InquiryJson.CaseIn.class);
    Case theCase =
        inquiries.createCase(
            inquiry.id(),
            visitors.of(ctx).coder().id(),
            in.name(),
            domain(in.domain()),
            in.description());
    ctx.status(HttpStatus.CREATED).json(caseOut(theCase));
  }

  private void apiCase(Context ctx) {
    ctx.json(caseOut(theCase(ctx)));
  }

  private void apiUpdateCase(Context ctx) {
    Case theCase = theCase(ctx);
    InquiryJson.CaseIn in = ctx.bodyAsClass(InquiryJson.CaseIn.class);
    Case updated =
        inquiries.updateCase(
            visitors.of(ctx).coder().id(),
            theCase.id(),
            in.name(),
            in.domain() == null ? theCase.domain() : domain(in.domain()),
            in.description() == null ? theCase.description() : in.description());
    ctx.json(caseOut(updated));
  }

  private void apiDeleteCase(Context ctx) {
    Case theCase = theCase(ctx);
    inquiries.deleteCase(visitors.of(ctx).coder().id(), theCase.id());
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private InquiryJson.CaseOut caseOut(Case theCase) {
    return InquiryJson.CaseOut.of(
        theCase,
        AttributeJson.valuesOf(
            attributes.definitions(theCase.inquiryId()),
            attributes.valuesOf(theCase.id().value())));
  }

  // Reading the request

  private Inquiry inquiry(Context ctx) {
    return inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
  }

  private Case theCase(Context ctx) {
    return inquiries.getCase(new CaseId(Requests.id(ctx, "case")));
  }

  static Domain domain(String id) {
    return Domain.fromId(id)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "Unknown domain; use one of "
                        + java.util.Arrays.stream(Domain.values())
                            .map(Domain::id)
                            .collect(Collectors.joining(", "))));
  }
}
