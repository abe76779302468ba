package org.fabrique.web.redaction;

import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeService;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.erasure.ErasureService;
import org.fabrique.core.erasure.PurgeReport;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.redaction.IdentifierCategory;
import org.fabrique.core.redaction.PseudonymEntry;
import org.fabrique.core.redaction.Redaction;
import org.fabrique.core.redaction.RedactionId;
import org.fabrique.core.redaction.RedactionService;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.UserId;
import org.fabrique.web.Downloads;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.Visitors;
import org.fabrique.web.audit.Outgoing;
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
  private final AttributeService attributes;
  private final AuditLog audit;
  private final Views views;
  private final Visitors visitors;

  public RedactionRoutes(
      InquiryService inquiries,
      CorpusService corpus,
      CodingService coding,
      RedactionService redactions,
      ErasureService erasure,
      AttributeService attributes,
      AuditLog audit,
      Views views,
      Visitors visitors) {
    this.inquiries = inquiries;
    this.corpus = corpus;
    this.coding = coding;
    this.redactions = redactions;
    this.erasure = erasure;
    this.attributes = attributes;
    this.audit = audit;
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
    routes.get("/inquiries/{inquiry}/keys", Access.role(Role.OWNER), this::keysPage);
    routes.post("/inquiries/{inquiry}/keys/download", Access.role(Role.OWNER), this::keysDownload);
    routes.get(
        "/inquiries/{inquiry}/withdraw", Access.role(Role.RESEARCHER), this::withdrawByValuePage);
    routes.post(
        "/inquiries/{inquiry}/withdraw", Access.role(Role.RESEARCHER), this::withdrawByValue);
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

  // The key table (owners only)

  /** The key table of an inquiry: real values and their pseudonyms. */
  public record KeysView(Inquiry inquiry, List<PseudonymEntry> entries) {}

  private void keysPage(Context ctx) {
    Inquiry inquiry = inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
    // Real values: never kept by a browser or a proxy.
    ctx.header("Cache-Control", "no-store");
    views.render(
        ctx,
        "redaction/keys.jte",
        views.page(ctx).in(inquiry, "sources"),
        new KeysView(inquiry, redactions.keyTable(inquiry.id())));
  }

  /**
   * The key table as an encrypted file (the envelope of encrypted backups), with the passphrase
   * typed twice in the form; written in the audit log, never the passphrase or a value.
   */
  private void keysDownload(Context ctx) {
    Inquiry inquiry = inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
    String passphrase = Requests.form(ctx, "passphrase").orElse("");
    String again = Requests.form(ctx, "again").orElse("");
    if (passphrase.isEmpty()) {
      throw new InvalidInputException("A passphrase cannot be empty");
    }
    if (!passphrase.equals(again)) {
      throw new InvalidInputException("The two passphrases differ");
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    char[] secret = passphrase.toCharArray();
    try {
      redactions.writeKeyTable(inquiry.id(), secret, out);
    } finally {
      java.util.Arrays.fill(secret, '\0');
    }
    Outgoing.export(
        audit,
        ctx,
        inquiry.id(),
        "key table, encrypted",
        org.fabrique.core.redaction.ExportProfile.INTERNAL);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/octet-stream");
    Downloads.attachment(ctx, "key-table-" + inquiry.id().value() + ".fabrique-keys");
    ctx.result(out.toByteArray());
  }

  // Erasure

  /** What a purge will erase, said before it is confirmed (counts, never content). */
  public record PurgeView(
      Inquiry inquiry,
      Optional<Case> theCase,
      List<Source> sources,
      int codings,
      String action,
      String back,
      Optional<AttributeValueChoice> byValue) {}

  /** A withdrawal by the value of an attribute: what the confirmation names and sends back. */
  public record AttributeValueChoice(AttributeDefinition attribute, String value) {}

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
            "/sources/" + source.id() + "/edit",
            Optional.empty()));
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
            "/cases/" + theCase.id(),
            Optional.empty()));
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

  /**
   * The confirmation of a withdrawal by attribute (participant = P07): the sources that will be
   * purged, named and counted, before anything is done.
   */
  private void withdrawByValuePage(Context ctx) {
    Inquiry inquiry = inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
    AttributeValueChoice choice = valueChoice(ctx, inquiry, false);
    List<Source> sources =
        erasure.withAttributeValue(inquiry.id(), choice.attribute().name(), choice.value());
    views.render(
        ctx,
        "redaction/purge.jte",
        views.page(ctx).in(inquiry, "attributes"),
        new PurgeView(
            inquiry,
            Optional.empty(),
            sources,
            codings(inquiry, sources),
            "/inquiries/" + inquiry.id() + "/withdraw",
            "/inquiries/" + inquiry.id() + "/attributes",
            Optional.of(choice)));
  }

  private void withdrawByValue(Context ctx) {
    Inquiry inquiry = inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
    AttributeValueChoice choice = valueChoice(ctx, inquiry, true);
    confirmed(ctx);
    erasure.withdrawByAttribute(
        visitors.of(ctx).coder().id(), inquiry.id(), choice.attribute().name(), choice.value());
    Requests.redirectWithNotice(ctx, "/inquiries/" + inquiry.id() + "/sources", "purged");
  }

  /** The attribute (by id, of this inquiry) and the value a withdrawal by attribute names. */
  private AttributeValueChoice valueChoice(Context ctx, Inquiry inquiry, boolean fromForm) {
    String attribute =
        (fromForm
                ? Requests.form(ctx, "attribute")
                : Optional.ofNullable(ctx.queryParam("attribute")))
            .orElse("")
            .strip();
    String value =
        (fromForm ? Requests.form(ctx, "value") : Optional.ofNullable(ctx.queryParam("value")))
            .orElse("")
            .strip();
    if (attribute.isEmpty()) {
      throw new InvalidInputException("Choose the attribute that identifies the participant");
    }
    long id = Requests.parseLong(attribute, "The attribute");
    AttributeDefinition definition =
        attributes.definitions(inquiry.id()).stream()
            .filter(d -> d.id().value() == id)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("There is no attribute " + id + " here"));
    if (value.isEmpty()) {
      throw new InvalidInputException("Give the value that identifies the participant");
    }
    return new AttributeValueChoice(definition, value);
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
