package org.fabrique.web.journey;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.EvidenceCoverage;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.journey.JourneySlice;
import org.fabrique.core.journey.LineageService;
import org.fabrique.core.journey.Participation;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.journey.TensionStatus;
import org.fabrique.core.journey.kind.ElementKind;
import org.fabrique.core.journey.kind.ElementKinds;
import org.fabrique.core.journey.query.JourneyRow;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.UserId;
import org.fabrique.core.vocabulary.Vocabulary;
import org.fabrique.core.vocabulary.VocabularyName;
import org.fabrique.web.Page;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.Visitors;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.Routes;

/**
 * The journey pages: per case, the graph, the timeline and the forms to add elements; per element,
 * its details, evidence and participations; per inquiry, the choices table and the tensions board.
 */
public final class JourneyRoutes {
  private final InquiryService inquiries;
  private final CorpusService corpus;
  private final JourneyService journeys;
  private final LineageService lineage;
  private final Views views;
  private final Visitors visitors;

  public JourneyRoutes(
      InquiryService inquiries,
      CorpusService corpus,
      JourneyService journeys,
      LineageService lineage,
      Views views,
      Visitors visitors) {
    this.inquiries = inquiries;
    this.corpus = corpus;
    this.journeys = journeys;
    this.lineage = lineage;
    this.views = views;
    this.visitors = visitors;
  }

  public void mount(Routes routes) {
    routes.get("/cases/{case}/journey", Access.role(Role.VIEWER), this::journeyPage);
    for (ElementKind<?> kind : ElementKinds.all()) {
      routes.post(
          "/cases/{case}/journey/" + kind.formPath(),
          Access.role(Role.RESEARCHER),
          ctx -> addElement(ctx, kind));
    }
    routes.get("/journey/elements/{element}", Access.role(Role.VIEWER), this::elementPage);
    routes.post(
        "/journey/elements/{element}/edit", Access.role(Role.RESEARCHER), this::editElement);
    routes.post(
        "/journey/elements/{element}/delete", Access.role(Role.RESEARCHER), this::deleteElement);
    routes.post(
        "/journey/elements/{element}/participations",
        Access.role(Role.RESEARCHER),
        this::addParticipation);
    routes.post(
        "/journey/participations/{participation}/delete",
        Access.role(Role.RESEARCHER),
        this::removeParticipation);
    routes.post(
        "/journey/evidence/{evidence}/delete", Access.role(Role.RESEARCHER), this::removeEvidence);
    routes.get("/inquiries/{inquiry}/choices", Access.role(Role.VIEWER), this::choicesTable);
    routes.get("/inquiries/{inquiry}/tensions", Access.role(Role.VIEWER), this::tensionsBoard);
    routes.get(
        "/inquiries/{inquiry}/interventions", Access.role(Role.VIEWER), this::interventionsTable);
  }

  // ---- Views ----

  /** The journey page of a case. */
  public record CasePage(JourneyView journey, Case theCase) {}

  /** An element with its evidence (and the sources' titles) and participations. */
  public record ElementPage(
      JourneyView journey,
      JourneyElement element,
      List<EvidenceRow> evidence,
      List<Participation> participations,
      List<Choice> shapingChoices) {}

  /** A piece of evidence with its source's title and a link to the passage. */
  public record EvidenceRow(
      Evidence evidence, String sourceTitle, String href, String citation, List<String> codes) {}

  /**
   * The choices table with the filters in force and, by choice id, how many pieces of evidence back
   * each choice.
   */
  public record ChoicesPage(
      JourneyView journey,
      List<Choice> choices,
      List<Case> cases,
      Map<String, String> filters,
      Map<Long, Long> evidence) {
    /** How many pieces of evidence back a choice. */
    public long evidenceOf(Choice choice) {
      return evidence.getOrDefault(choice.id().value(), 0L);
    }
  }

  /** The tensions board, with the filter in force and the evidence behind each tension. */
  public record TensionsPage(
      JourneyView journey,
      Map<TensionStatus, List<Tension>> columns,
      Map<String, String> filters,
      EvidenceCoverage coverage) {
    /** How many pieces of evidence back a tension. */
    public long evidenceOf(Tension tension) {
      return coverage.count(tension.id());
    }
  }

  /** The interventions table, with the filters in force and the evidence behind each. */
  public record InterventionsPage(
      JourneyView journey,
      List<Intervention> interventions,
      List<Case> cases,
      Map<String, String> filters,
      EvidenceCoverage coverage) {
    /** How many pieces of evidence back an intervention. */
    public long evidenceOf(Intervention intervention) {
      return coverage.count(intervention.id());
    }
  }

  private Map<VocabularyName, Vocabulary> vocabularies(Inquiry inquiry) {
    Map<VocabularyName, Vocabulary> vocabularies = new EnumMap<>(VocabularyName.class);
    for (VocabularyName name : VocabularyName.values()) {
      vocabularies.put(name, journeys.vocabulary(inquiry.id(), name));
    }
    return vocabularies;
  }

  /** The whole journey of an inquiry, for its tables. */
  private JourneyView view(Context ctx, Inquiry inquiry) {
    return JourneyView.whole(
        inquiry,
        Optional.empty(),
        journeys.elements(inquiry.id()),
        vocabularies(inquiry),
        visitors.of(ctx).lang().code());
  }

  /**
   * What a page of a case's journey (or of an element) lists and offers in its pickers: the last
   * made elements of each kind, never the whole journey, and these elements besides (those the page
   * names).
   */
  private JourneyView slice(
      Context ctx, Inquiry inquiry, Optional<Case> theCase, List<ElementId> named) {
    JourneySlice slice = journeys.slice(inquiry.id(), theCase.map(Case::id), JourneyView.SHOWN);
    if (!named.isEmpty()) {
      Map<ElementId, JourneyElement> all = new java.util.LinkedHashMap<>();
      slice.elements().forEach(e -> all.put(e.id(), e));
      journeys.findAll(named).forEach(e -> all.putIfAbsent(e.id(), e));
      slice = new JourneySlice(List.copyOf(all.values()), slice.counts());
    }
    return JourneyView.of(
        inquiry, theCase, slice, vocabularies(inquiry), visitors.of(ctx).lang().code());
  }

  private void journeyPage(Context ctx) {
    Case theCase = theCase(ctx);
    Inquiry inquiry = inquiries.get(theCase.inquiryId());
    Page page = views.page(ctx).in(inquiry, "journey");
    views.render(
        ctx,
        "journey/journey.jte",
        page,
        new CasePage(slice(ctx, inquiry, Optional.of(theCase), List.of()), theCase));
  }

  private void elementPage(Context ctx) {
    JourneyElement element = element(ctx);
    Inquiry inquiry = inquiries.get(element.inquiryId());
    Optional<Case> theCase = element.header().caseId().map(inquiries::getCase);
    List<EvidenceRow> evidence = new ArrayList<>();
    Map<ElementId, JourneyRow.Quote> quotes = new java.util.HashMap<>();
    journeys.queries().quotes(element.id()).forEach(q -> quotes.put(q.evidenceId(), q));
    for (Evidence item : journeys.evidenceOf(element.id())) {
      Source source = corpus.get(item.sourceId());
      String href =
          "/sources/"
              + source.id()
              + item.span().map(s -> "?at=" + s.start() + "&end=" + s.end()).orElse("");
      Optional<JourneyRow.Quote> quote = Optional.ofNullable(quotes.get(item.id()));
      evidence.add(
          new EvidenceRow(
              item,
              source.title(),
              href,
              quote.map(JourneyRow.Quote::citation).orElse(source.title()),
              quote
                  .map(q -> q.codes().stream().map(JourneyRow.CodeLabel::name).toList())
                  .orElse(List.of())));
    }
    List<Choice> shaping =
        element instanceof DataObject ? lineage.choicesShaping(element.id()) : List.of();
    List<Participation> participations = journeys.participationsOf(element.ref());
    List<ElementId> named = new ArrayList<>(element.references());
    named.add(element.id());
    participations.forEach(p -> named.add(p.actor()));
    views.render(
        ctx,
        "journey/element.jte",
        views.page(ctx).in(inquiry, "journey"),
        new ElementPage(
            slice(ctx, inquiry, theCase, named), element, evidence, participations, shaping));
  }

  private void choicesTable(Context ctx) {
    Inquiry inquiry = inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
    JourneyView journey = view(ctx, inquiry);
    Map<String, String> filters = new java.util.LinkedHashMap<>();
    for (String key : List.of("dimension", "status", "mode", "role", "case", "evidence")) {
      String value = ctx.queryParam(key);
      if (value != null && !value.isBlank()) {
        filters.put(key, value.strip());
      }
    }
    List<Participation> participations = journeys.participations(inquiry.id());
    Map<Long, Long> evidence =
        journeys.evidence(inquiry.id()).stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    e -> e.element().id(), java.util.stream.Collectors.counting()));
    String wanted = filters.getOrDefault("evidence", "");
    List<Choice> choices =
        journey.choices().stream()
            .filter(
                c ->
                    switch (wanted) {
                      case "without" -> !evidence.containsKey(c.id().value());
                      case "with" -> evidence.containsKey(c.id().value());
                      default -> true;
                    })
            .filter(
                c ->
                    !filters.containsKey("dimension")
                        || c.dimensions().stream()
                            .anyMatch(d -> d.id().equals(filters.get("dimension"))))
            .filter(
                c ->
                    !filters.containsKey("status") || c.status().id().equals(filters.get("status")))
            .filter(
                c -> !filters.containsKey("mode") || c.decisionMode().equals(filters.get("mode")))
            .filter(
                c ->
                    !filters.containsKey("case")
                        || c.header()
                            .caseId()
                            .map(id -> id.toString().equals(filters.get("case")))
                            .orElse(false))
            .filter(
                c ->
                    !filters.containsKey("role")
                        || participations.stream()
                            .anyMatch(
                                p ->
                                    p.target().equals(c.ref())
                                        && p.role().equals(filters.get("role"))))
            .toList();
    views.render(
        ctx,
        "journey/choices.jte",
        views.page(ctx).in(inquiry, "choices"),
        new ChoicesPage(journey, choices, inquiries.cases(inquiry.id()), filters, evidence));
  }

  private void tensionsBoard(Context ctx) {
    Inquiry inquiry = inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
    JourneyView journey = view(ctx, inquiry);
    Map<String, String> filters = filters(ctx, List.of("evidence"));
    EvidenceCoverage coverage = journeys.coverage(inquiry.id());
    String wanted = filters.getOrDefault("evidence", "");
    Map<TensionStatus, List<Tension>> columns = new EnumMap<>(TensionStatus.class);
    for (TensionStatus status : TensionStatus.values()) {
      columns.put(
          status,
          journey.tensions().stream()
              .filter(t -> t.status() == status)
              .filter(t -> coverage.keeps(t.id(), wanted))
              .sorted(java.util.Comparator.comparing(Tension::resolutionMode))
              .toList());
    }
    views.render(
        ctx,
        "journey/tensions.jte",
        views.page(ctx).in(inquiry, "tensions"),
        new TensionsPage(journey, columns, filters, coverage));
  }

  private void interventionsTable(Context ctx) {
    Inquiry inquiry = inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
    JourneyView journey = view(ctx, inquiry);
    Map<String, String> filters = filters(ctx, List.of("type", "case", "evidence"));
    EvidenceCoverage coverage = journeys.coverage(inquiry.id());
    String wanted = filters.getOrDefault("evidence", "");
    List<Intervention> interventions =
        journey.timeline().stream()
            .filter(i -> coverage.keeps(i.id(), wanted))
            .filter(i -> !filters.containsKey("type") || i.type().equals(filters.get("type")))
            .filter(
                i ->
                    !filters.containsKey("case")
                        || i.header()
                            .caseId()
                            .map(id -> id.toString().equals(filters.get("case")))
                            .orElse(false))
            .toList();
    views.render(
        ctx,
        "journey/interventions.jte",
        views.page(ctx).in(inquiry, "interventions"),
        new InterventionsPage(
            journey, interventions, inquiries.cases(inquiry.id()), filters, coverage));
  }

  /** The query parameters among these keys that have a value. */
  private static Map<String, String> filters(Context ctx, List<String> keys) {
    Map<String, String> filters = new java.util.LinkedHashMap<>();
    for (String key : keys) {
      String value = ctx.queryParam(key);
      if (value != null && !value.isBlank()) {
        filters.put(key, value.strip());
      }
    }
    return filters;
  }

  // ---- Forms ----

  private UserId user(Context ctx) {
    return visitors.of(ctx).coder().id();
  }

  private ElementHeader newHeader(Context ctx, Case theCase, String labelField) {
    ElementHeader base =
        ElementHeader.of(journeys.newId(), theCase.inquiryId(), theCase.id(), "placeholder");
    return JourneyForms.header(base, ctx, labelField);
  }

  private void created(Context ctx, Case theCase) {
    Requests.redirectWithNotice(ctx, "/cases/" + theCase.id() + "/journey", "saved");
  }

  /** Adds an element of a kind from the kind's form. */
  private void addElement(Context ctx, ElementKind<?> kind) {
    Case theCase = theCase(ctx);
    JourneyElement element =
        kind.fromForm(newHeader(ctx, theCase, kind.labelField().name()), JourneyForms.input(ctx));
    journeys.create(user(ctx), element);
    created(ctx, theCase);
  }

  /** Changes an element from its edit form; fields the form did not send keep their values. */
  private void editElement(Context ctx) {
    JourneyElement element = element(ctx);
    ElementKind<?> kind = ElementKinds.of(element);
    ElementHeader header = JourneyForms.header(element.header(), ctx, kind.labelField().name());
    journeys.update(user(ctx), kind.edit(element, header, JourneyForms.input(ctx)));
    Requests.redirectWithNotice(ctx, "/journey/elements/" + element.id(), "saved");
  }

  private void deleteElement(Context ctx) {
    JourneyElement element = element(ctx);
    journeys.delete(user(ctx), element.id());
    String back =
        element
            .header()
            .caseId()
            .map(c -> "/cases/" + c + "/journey")
            .orElse("/inquiries/" + element.inquiryId());
    Requests.redirectWithNotice(ctx, back, "deleted");
  }

  private void addParticipation(Context ctx) {
    JourneyElement element = element(ctx);
    ElementId actor =
        JourneyForms.id(ctx, "actor")
            .orElseThrow(() -> new InvalidInputException("Choose an actor"));
    journeys.addParticipation(user(ctx), actor, JourneyForms.text(ctx, "role"), element.id());
    Requests.redirectWithNotice(ctx, "/journey/elements/" + element.id(), "saved");
  }

  private void removeParticipation(Context ctx) {
    journeys.removeParticipation(user(ctx), new ElementId(Requests.id(ctx, "participation")));
    Requests.redirectBack(ctx, "/");
  }

  private void removeEvidence(Context ctx) {
    journeys.removeEvidence(user(ctx), new ElementId(Requests.id(ctx, "evidence")));
    Requests.redirectBack(ctx, "/");
  }

  private Case theCase(Context ctx) {
    return inquiries.getCase(new CaseId(Requests.id(ctx, "case")));
  }

  private JourneyElement element(Context ctx) {
    return journeys.get(new ElementId(Requests.id(ctx, "element")));
  }
}
