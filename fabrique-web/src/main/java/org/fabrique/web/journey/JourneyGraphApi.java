package org.fabrique.web.journey;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.journey.LineageService;
import org.fabrique.core.journey.Neighbourhood;
import org.fabrique.core.journey.query.JourneyQuery;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.user.Role;
import org.fabrique.web.Requests;
import org.fabrique.web.Visitors;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.Routes;
import org.fabrique.web.i18n.Messages;

/**
 * The journey graph of a case, {@code GET /api/cases/ID/journey}: the whole graph of a small case
 * or on request, else the part around an element; dataset versions drawn as nodes of their own
 * ({@link JourneyGraph}).
 */
public final class JourneyGraphApi {
  /** Cases whose lineage holds more interventions and versions are shown focused by default. */
  static final int WHOLE_GRAPH_LIMIT = 400;

  /** The largest number of steps a focused view goes. */
  static final int MAX_FOCUS_DEPTH = 10;

  /** The filters of the graph: the parameters of journey queries by actor, dimension and date. */
  static final List<String> GRAPH_FILTERS =
      List.of("actor", "actor-category", "dimension", "from", "to");

  private final InquiryService inquiries;
  private final JourneyService journeys;
  private final LineageService lineage;
  private final Messages messages;

  public JourneyGraphApi(
      InquiryService inquiries,
      JourneyService journeys,
      LineageService lineage,
      Messages messages) {
    this.inquiries = inquiries;
    this.journeys = journeys;
    this.lineage = lineage;
    this.messages = messages;
  }

  public void mount(Routes routes) {
    routes.get("/api/cases/{case}/journey", Access.role(Role.VIEWER), this::graph);
  }

  private JourneyGraph.Lit lit(Context ctx, InquiryId inquiry) {
    Map<String, List<String>> given = new LinkedHashMap<>();
    for (String name : GRAPH_FILTERS) {
      List<String> values = ctx.queryParams(name);
      if (!values.isEmpty()) {
        given.put(name, values);
      }
    }
    JourneyQuery query = JourneyQuery.parse(given);
    if (query.parameters().isEmpty()) {
      return new JourneyGraph.Lit(query, Optional.empty());
    }
    return new JourneyGraph.Lit(query, Optional.of(journeys.queries().matching(inquiry, query)));
  }

  /**
   * The journey graph of a case: the whole graph when asked ({@code whole=true}) or small enough;
   * else the part within {@code depth} steps (default 2) of {@code focus} (default: the
   * intervention of the case that generated the latest version).
   */
  private void graph(Context ctx) {
    Case theCase = inquiries.getCase(new CaseId(Requests.id(ctx, "case")));
    JourneyGraph.Lit lit = lit(ctx, theCase.inquiryId());
    int size = lineage.size(theCase.inquiryId());
    boolean whole = "true".equals(ctx.queryParam("whole"));
    String focusText = ctx.queryParam("focus");
    JourneyGraph graph =
        new JourneyGraph(
            theCase,
            lineage.versions(theCase.inquiryId()),
            lit,
            (label, version) ->
                version.initial()
                    ? messages.get(
                        Visitors.lang(ctx), "journey.graph.version.initial", label, version.label())
                    : messages.get(
                        Visitors.lang(ctx), "journey.graph.version", label, version.label()));
    if (whole || (focusText == null && size <= WHOLE_GRAPH_LIMIT)) {
      ctx.json(
          graph.of(
              journeys.elements(theCase.inquiryId(), theCase.id()),
              journeys.coverage(theCase.inquiryId()),
              Set.of(),
              null,
              null,
              size));
      return;
    }
    int depth = Requests.queryCount(ctx, "depth", 2);
    if (depth > MAX_FOCUS_DEPTH) {
      throw new InvalidInputException("A focused view goes at most " + MAX_FOCUS_DEPTH + " steps");
    }
    Optional<ElementId> focus =
        focusText == null
            ? defaultFocus(theCase)
            : Optional.of(new ElementId(Requests.parseLong(focusText, "focus")));
    if (focus.isEmpty()) {
      ctx.json(graph.empty(depth, size));
      return;
    }
    JourneyElement start = journeys.get(focus.get());
    if (!start.inquiryId().equals(theCase.inquiryId())) {
      throw new NotFoundException("There is no such element in this case's inquiry");
    }
    Set<ElementId> ids = new LinkedHashSet<>();
    Set<ElementId> border = new java.util.HashSet<>();
    ids.add(start.id());
    List<ElementId> seeds =
        start.kind() == ItemKind.DATA_OBJECT || start.kind() == ItemKind.INTERVENTION
            ? List.of(start.id())
            : start.references();
    for (ElementId seed : seeds) {
      Optional<ItemKind> kind = journeys.find(seed).map(JourneyElement::kind);
      if (kind.filter(k -> k == ItemKind.DATA_OBJECT || k == ItemKind.INTERVENTION).isPresent()) {
        Neighbourhood around = lineage.around(seed, depth);
        ids.addAll(around.steps().keySet());
        border.addAll(around.border());
      }
    }
    JourneyService.Part part = journeys.part(ids);
    ctx.json(graph.of(part.elements(), part.coverage(), border, start.id().value(), depth, size));
  }

  /** The intervention of the case that generated the latest version, if any. */
  private Optional<ElementId> defaultFocus(Case theCase) {
    for (ElementId candidate : lineage.latestInterventions(theCase.inquiryId(), 50)) {
      Optional<JourneyElement> element = journeys.find(candidate);
      if (element.isPresent()
          && element.get().header().caseId().equals(Optional.of(theCase.id()))) {
        return Optional.of(candidate);
      }
    }
    List<JourneyElement> latest =
        journeys.latest(theCase.id(), Set.of(ItemKind.INTERVENTION, ItemKind.DATA_OBJECT), 1);
    return latest.stream().map(JourneyElement::id).findFirst();
  }
}
