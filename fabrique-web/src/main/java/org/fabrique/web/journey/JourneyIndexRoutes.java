package org.fabrique.web.journey;

import io.javalin.http.Context;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.user.Role;
import org.fabrique.web.Page;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.Routes;
import org.fabrique.web.i18n.NaturalOrder;

/**
 * The journeys of an inquiry, between the inquiry and a case's journey: one line per case with what
 * its journey holds, and how to start when there is nothing yet.
 */
public final class JourneyIndexRoutes {
  /** The kinds counted on the page, in the order of the columns. */
  public static final List<ItemKind> COUNTED =
      List.of(ItemKind.DATA_OBJECT, ItemKind.ACTOR, ItemKind.CHOICE, ItemKind.TENSION);

  private final InquiryService inquiries;
  private final JourneyService journeys;
  private final Views views;

  public JourneyIndexRoutes(InquiryService inquiries, JourneyService journeys, Views views) {
    this.inquiries = inquiries;
    this.journeys = journeys;
    this.views = views;
  }

  public void mount(Routes routes) {
    routes.get("/inquiries/{inquiry}/journeys", Access.role(Role.VIEWER), this::index);
  }

  /** A case with the number of its journey's elements of each counted kind. */
  public record CaseJourney(Case theCase, Map<ItemKind, Integer> counts, int total) {
    public int count(ItemKind kind) {
      return counts.getOrDefault(kind, 0);
    }
  }

  /** The page: the cases with their journeys, and elements that belong to no case. */
  public record IndexView(Inquiry inquiry, List<CaseJourney> cases, int withoutCase, int actors) {
    public List<ItemKind> kinds() {
      return COUNTED;
    }
  }

  private void index(Context ctx) {
    Inquiry inquiry = inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
    Page page = views.page(ctx).in(inquiry, "journeys");
    List<JourneyElement> elements = journeys.elements(inquiry.id());
    var order = NaturalOrder.of(page.lang());
    List<CaseJourney> cases =
        inquiries.cases(inquiry.id()).stream()
            .sorted((a, b) -> order.compare(a.name(), b.name()))
            .map(
                c -> {
                  Map<ItemKind, Integer> counts = new EnumMap<>(ItemKind.class);
                  int total = 0;
                  for (JourneyElement element : elements) {
                    if (element.header().caseId().equals(java.util.Optional.of(c.id()))) {
                      counts.merge(element.kind(), 1, Integer::sum);
                      total++;
                    }
                  }
                  return new CaseJourney(c, counts, total);
                })
            .toList();
    int withoutCase = (int) elements.stream().filter(e -> e.header().caseId().isEmpty()).count();
    int actors = (int) elements.stream().filter(e -> e.kind() == ItemKind.ACTOR).count();
    views.render(
        ctx, "journey/index.jte", page, new IndexView(inquiry, cases, withoutCase, actors));
  }
}
