package org.fabrique.web.search;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.attribute.AttributeService;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.core.redaction.ExportProfiles;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.core.redaction.RedactionService;
import org.fabrique.core.search.AutoCodeExtent;
import org.fabrique.core.search.DocumentKind;
import org.fabrique.core.search.FilterInput;
import org.fabrique.core.search.KwicLine;
import org.fabrique.core.search.SearchFilters;
import org.fabrique.core.search.SearchMode;
import org.fabrique.core.search.SearchPage;
import org.fabrique.core.search.SearchService;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserService;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.Visitors;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.AccessCheck;
import org.fabrique.web.auth.Routes;
import org.fabrique.web.coding.Codebooks;

/**
 * The search page (a concordance of the hits, auto-coding) and its JSON API, and the highlights of
 * a search in the document view.
 */
public final class SearchRoutes {
  private static final int PAGE_SIZE = 50;
  private static final int CONTEXT = 60;

  private final UserService users;
  private final InquiryService inquiries;
  private final CorpusService corpus;
  private final CodingService coding;
  private final AttributeService attributes;
  private final SearchService search;
  private final RedactionService redactions;
  private final Views views;
  private final Visitors visitors;

  /** The services the search page and API use. */
  public record Services(
      UserService users,
      InquiryService inquiries,
      CorpusService corpus,
      CodingService coding,
      AttributeService attributes,
      SearchService search,
      RedactionService redactions) {}

  public SearchRoutes(Services services, Views views, Visitors visitors) {
    this.users = services.users();
    this.inquiries = services.inquiries();
    this.corpus = services.corpus();
    this.coding = services.coding();
    this.attributes = services.attributes();
    this.search = services.search();
    this.redactions = services.redactions();
    this.views = views;
    this.visitors = visitors;
  }

  public void mount(Routes routes) {
    routes.get("/inquiries/{inquiry}/search", Access.role(Role.VIEWER), this::page);
    routes.post("/inquiries/{inquiry}/search/autocode", Access.role(Role.CODER), this::autoCode);
    routes.get("/api/inquiries/{inquiry}/search", Access.role(Role.VIEWER), this::apiSearch);
    routes.post(
        "/api/inquiries/{inquiry}/search/autocode", Access.role(Role.CODER), this::apiAutoCode);
    routes.get("/api/sources/{source}/highlights", Access.role(Role.VIEWER), this::apiHighlights);
  }

  /**
   * What the search form holds. The date bounds and the attribute filter are kept as typed, so that
   * a bad value is shown back with its message.
   */
  public record Form(
      String query,
      SearchMode mode,
      Set<DocumentKind> kinds,
      Set<Long> cases,
      Set<Long> codes,
      Set<Long> coders,
      String from,
      String to,
      String attribute,
      String value,
      String profile) {

    /** The query string of this search, for links (pages, auto-coding, the document view). */
    public String parameters() {
      StringBuilder out = new StringBuilder();
      out.append("q=")
          .append(encode(query))
          .append("&mode=")
          .append(mode.name().toLowerCase(Locale.ROOT));
      kinds.forEach(k -> out.append("&in=").append(k.id()));
      cases.forEach(c -> out.append("&case=").append(c));
      codes.forEach(c -> out.append("&code=").append(c));
      coders.forEach(c -> out.append("&coder=").append(c));
      if (!from.isEmpty()) {
        out.append("&from=").append(encode(from));
      }
      if (!to.isEmpty()) {
        out.append("&to=").append(encode(to));
      }
      if (!attribute.isEmpty()) {
        out.append("&attribute=").append(encode(attribute)).append("&value=").append(encode(value));
      }
      if (!profile.isEmpty()) {
        out.append("&profile=").append(encode(profile));
      }
      return out.toString();
    }

    public boolean regex() {
      return mode == SearchMode.REGEX;
    }

    public boolean searches(DocumentKind kind) {
      return kinds.contains(kind) || (kinds.isEmpty() && kind == DocumentKind.SOURCE);
    }

    /** Whether the attribute filter is on this attribute. */
    public boolean filtersOn(AttributeDefinition definition) {
      return attribute.equals(Long.toString(definition.id().value()));
    }

    /**
     * The filters of this search.
     *
     * @throws InvalidInputException when a date, a coder or an attribute value cannot be read
     */
    SearchFilters filters(List<AttributeDefinition> attributes, List<User> users) {
      SearchFilters filters =
          SearchFilters.none()
              .withKinds(kinds)
              .withCases(cases.stream().map(CaseId::new).collect(Collectors.toSet()))
              .withCodes(codes.stream().map(CodeId::new).collect(Collectors.toSet()))
              .withCoders(
                  coders.stream().map(c -> FilterInput.coder(users, c)).collect(Collectors.toSet()))
              .between(
                  Optional.of(from).filter(f -> !f.isEmpty()).map(f -> FilterInput.date(f, "from")),
                  Optional.of(to).filter(t -> !t.isEmpty()).map(t -> FilterInput.date(t, "to")));
      if (!attribute.isEmpty()) {
        AttributeId id = new AttributeId(Requests.parseLong(attribute, "The attribute"));
        filters = filters.withAttributes(List.of(FilterInput.attribute(attributes, id, value)));
      } else if (!value.isEmpty()) {
        throw new InvalidInputException("Choose the attribute whose value is searched for");
      }
      return filters;
    }
  }

  /** The search page. */
  public record SearchView(
      Inquiry inquiry,
      Form form,
      Optional<SearchPage> result,
      Optional<String> error,
      List<Case> cases,
      List<Codebooks.Row> codes,
      List<User> coders,
      List<AttributeDefinition> attributes,
      ExportProfile profile,
      List<ExportProfile> profiles) {

    /** Where a line of the concordance opens: the document at the hit, or the memos. */
    public String href(KwicLine line) {
      if (line.document().kind() == DocumentKind.MEMO || line.sourceId().isEmpty()) {
        return "/inquiries/" + inquiry.id().value() + "/memos#memo-" + line.document().id();
      }
      return "/sources/"
          + line.sourceId().get().value()
          + "?"
          + form.parameters()
          + "&at="
          + line.start()
          + "#hit";
    }

    public String pageHref(int offset) {
      return "/inquiries/"
          + inquiry.id().value()
          + "/search?"
          + form.parameters()
          + "&offset="
          + offset;
    }
  }

  private static Form form(Context ctx, boolean fromBody) {
    java.util.function.Function<String, List<String>> all =
        name -> fromBody ? ctx.formParams(name) : ctx.queryParams(name);
    String query =
        Optional.ofNullable(fromBody ? ctx.formParam("q") : ctx.queryParam("q")).orElse("");
    String mode =
        Optional.ofNullable(fromBody ? ctx.formParam("mode") : ctx.queryParam("mode"))
            .orElse("query");
    Set<DocumentKind> kinds = new LinkedHashSet<>();
    for (String kind : all.apply("in")) {
      kinds.add(
          DocumentKind.fromId(kind)
              .orElseThrow(() -> new InvalidInputException("Unknown kind of document: " + kind)));
    }
    Set<Long> cases = new LinkedHashSet<>();
    all.apply("case").stream()
        .filter(s -> !s.isBlank())
        .forEach(c -> cases.add(Requests.parseLong(c, "A case")));
    Set<Long> codes = new LinkedHashSet<>();
    all.apply("code").stream()
        .filter(s -> !s.isBlank())
        .forEach(c -> codes.add(Requests.parseLong(c, "A code")));
    Set<Long> coders = new LinkedHashSet<>();
    all.apply("coder").stream()
        .filter(s -> !s.isBlank())
        .forEach(c -> coders.add(Requests.parseLong(c, "A coder")));
    java.util.function.Function<String, String> one =
        name -> all.apply(name).stream().filter(s -> !s.isBlank()).findFirst().orElse("").strip();
    return new Form(
        query.strip(),
        "regex".equalsIgnoreCase(mode) ? SearchMode.REGEX : SearchMode.QUERY,
        kinds,
        cases,
        codes,
        coders,
        one.apply("from"),
        one.apply("to"),
        one.apply("attribute"),
        one.apply("value"),
        one.apply("profile"));
  }

  private void page(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    Form form = form(ctx, false);
    Optional<SearchPage> result = Optional.empty();
    Optional<String> error = Optional.empty();
    List<AttributeDefinition> attributes = this.attributes.definitions(inquiry.id());
    List<User> users = this.users.list();
    Role role = AccessCheck.roleOf(ctx);
    ExportProfile profile = ExportProfiles.choose(Optional.of(form.profile()), role);
    ctx.header("X-Redaction-Profile", profile.name());
    if (!form.query().isEmpty()) {
      try {
        result =
            Optional.of(
                search.search(
                    inquiry.id(),
                    form.mode(),
                    form.query(),
                    form.filters(attributes, users),
                    Math.max(0, Requests.queryInt(ctx, "offset", 0)),
                    PAGE_SIZE,
                    CONTEXT,
                    scope(inquiry, profile, role)));
      } catch (InvalidInputException e) {
        error = Optional.of(e.getMessage());
        ctx.status(400);
      }
    }
    views.render(
        ctx,
        "search/search.jte",
        views.page(ctx).in(inquiry, "search"),
        new SearchView(
            inquiry,
            form,
            result,
            error,
            inquiries.cases(inquiry.id()),
            Codebooks.flatten(coding.codebook(inquiry.id())),
            users,
            attributes,
            profile,
            ExportProfiles.allowed(role)));
  }

  private void autoCode(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    Form form = form(ctx, true);
    long code = Requests.parseLong(Requests.formText(ctx, "target"), "The code to apply");
    AutoCodeExtent extent =
        "paragraph".equals(ctx.formParam("extent")) ? AutoCodeExtent.PARAGRAPH : AutoCodeExtent.HIT;
    SearchService.AutoCoded done =
        search.autoCode(
            inquiry.id(),
            visitors.of(ctx).coder().id(),
            form.mode(),
            form.query(),
            filters(inquiry, form),
            new CodeId(code),
            extent);
    Requests.redirectWithNotice(
        ctx,
        "/inquiries/"
            + inquiry.id().value()
            + "/search?"
            + form.parameters()
            + "&coded="
            + done.coded(),
        done.coded() == 0 ? "autocoded-none" : "autocoded");
  }

  /** The JSON form of a page of hits. */
  public record PageOut(
      String profile,
      int offset,
      int limit,
      long documents,
      long hits,
      boolean hitsExact,
      List<LineOut> lines) {}

  /** A concordance line in JSON; {@code source} is null for a memo not about a source. */
  public record LineOut(
      String document,
      String title,
      Long source,
      int start,
      int end,
      String left,
      String keyword,
      String right) {}

  private void apiSearch(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    Form form = form(ctx, false);
    Role role = AccessCheck.roleOf(ctx);
    ExportProfile profile = ExportProfiles.choose(Optional.of(form.profile()), role);
    ctx.header("X-Redaction-Profile", profile.name());
    SearchPage page =
        search.search(
            inquiry.id(),
            form.mode(),
            form.query(),
            filters(inquiry, form),
            Requests.queryCount(ctx, "offset", 0),
            Requests.queryCount(ctx, "limit", PAGE_SIZE),
            Requests.queryCount(ctx, "context", CONTEXT),
            scope(inquiry, profile, role));
    List<LineOut> lines = new ArrayList<>();
    for (KwicLine line : page.lines()) {
      lines.add(
          new LineOut(
              line.document().toString(),
              line.title(),
              line.sourceId().map(SourceId::value).orElse(null),
              line.start(),
              line.end(),
              line.left(),
              line.keyword(),
              line.right()));
    }
    ctx.json(
        new PageOut(
            profile.name(),
            page.offset(),
            page.limit(),
            page.documents(),
            page.hits(),
            page.hitsExact(),
            lines));
  }

  /** An auto-coding request in JSON; {@code extent} is "hit" or "paragraph". */
  public record AutoCodeIn(String query, String mode, long codeId, String extent) {}

  private void apiAutoCode(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    AutoCodeIn in = ctx.bodyAsClass(AutoCodeIn.class);
    ctx.json(
        search.autoCode(
            inquiry.id(),
            visitors.of(ctx).coder().id(),
            "regex".equalsIgnoreCase(in.mode()) ? SearchMode.REGEX : SearchMode.QUERY,
            in.query() == null ? "" : in.query(),
            SearchFilters.none(),
            new CodeId(in.codeId()),
            "paragraph".equals(in.extent()) ? AutoCodeExtent.PARAGRAPH : AutoCodeExtent.HIT));
  }

  /** A hit to highlight, in code points of the source's plain text. */
  public record HighlightOut(int start, int end) {}

  private void apiHighlights(Context ctx) {
    Source source = corpus.get(new SourceId(Requests.id(ctx, "source")));
    Form form = form(ctx, false);
    ctx.json(
        search.highlights(source.id(), form.mode(), form.query()).stream()
            .map(h -> new HighlightOut(h.start(), h.end()))
            .toList());
  }

  /**
   * What search results may show under the profile chosen for the role: what the profile lets out,
   * and no confidential or secret source for coders and viewers.
   */
  private ExportScope scope(Inquiry inquiry, ExportProfile profile, Role role) {
    return redactions.scope(inquiry.id(), ExportProfiles.readBy(profile, role));
  }

  private SearchFilters filters(Inquiry inquiry, Form form) {
    return form.filters(attributes.definitions(inquiry.id()), users.list());
  }

  private Inquiry inquiry(Context ctx) {
    return inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
