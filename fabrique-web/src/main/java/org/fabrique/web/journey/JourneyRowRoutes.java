package org.fabrique.web.journey;

import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.Set;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.journey.kind.ElementKind;
import org.fabrique.core.journey.kind.ElementKinds;
import org.fabrique.core.journey.kind.RowList;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.UserId;
import org.fabrique.web.Requests;
import org.fabrique.web.Visitors;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.Routes;

/**
 * The rows of an element that its page adds and removes one by one (a choice's options and
 * constraints, a tension's positions), as the element's kind declares them. Rows are addressed by
 * their position in the element.
 */
public final class JourneyRowRoutes {
  private final JourneyService journeys;
  private final Visitors visitors;

  public JourneyRowRoutes(JourneyService journeys, Visitors visitors) {
    this.journeys = journeys;
    this.visitors = visitors;
  }

  public void mount(Routes routes) {
    Set<String> lists = new LinkedHashSet<>();
    for (ElementKind<?> kind : ElementKinds.all()) {
      kind.rows().stream().map(RowList::name).forEach(lists::add);
    }
    for (String list : lists) {
      routes.post(
          "/journey/elements/{element}/" + list,
          Access.role(Role.RESEARCHER),
          ctx -> addRow(ctx, list));
      routes.post(
          "/journey/elements/{element}/" + list + "/{row}/delete",
          Access.role(Role.RESEARCHER),
          ctx -> removeRow(ctx, list));
    }
  }

  private void addRow(Context ctx, String list) {
    JourneyElement element = element(ctx);
    save(ctx, ElementKinds.of(element).addRow(list, element, JourneyForms.input(ctx)));
  }

  private void removeRow(Context ctx, String list) {
    JourneyElement element = element(ctx);
    save(ctx, ElementKinds.of(element).removeRow(list, element, Requests.id(ctx, "row")));
  }

  private void save(Context ctx, JourneyElement element) {
    journeys.update(user(ctx), element);
    Requests.redirectWithNotice(ctx, "/journey/elements/" + element.id(), "saved");
  }

  private JourneyElement element(Context ctx) {
    return journeys.get(new ElementId(Requests.id(ctx, "element")));
  }

  private UserId user(Context ctx) {
    return visitors.of(ctx).coder().id();
  }
}
