package org.fabrique.web.journey;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.Fabrique;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.Constraint;
import org.fabrique.core.journey.ConstraintKind;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Position;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.user.UserId;
import org.fabrique.web.Requests;
import org.fabrique.web.Visitors;

/**
 * The rows of an element that its page adds and removes one by one: a choice's options and
 * constraints, a tension's positions. Rows are addressed by their position in the element.
 */
final class JourneyRowRoutes {
  private final Fabrique fabrique;
  private final Visitors visitors;

  JourneyRowRoutes(Fabrique fabrique, Visitors visitors) {
    this.fabrique = fabrique;
    this.visitors = visitors;
  }

  void mount(JavalinDefaultRouting router) {
    router.post("/journey/elements/{element}/options", this::addOption);
    router.post("/journey/elements/{element}/options/{row}/delete", this::removeOption);
    router.post("/journey/elements/{element}/constraints", this::addConstraint);
    router.post("/journey/elements/{element}/constraints/{row}/delete", this::removeConstraint);
    router.post("/journey/elements/{element}/positions", this::addPosition);
    router.post("/journey/elements/{element}/positions/{row}/delete", this::removePosition);
  }

  private void addOption(Context ctx) {
    Choice choice = choice(ctx);
    String label = JourneyForms.text(ctx, "optionLabel");
    if (label.isEmpty()) {
      throw new InvalidInputException("An option needs a label");
    }
    List<ChoiceOption> options = new ArrayList<>(choice.options());
    options.add(new ChoiceOption(label, JourneyForms.ids(ctx, "proposedBy")));
    boolean select = !JourneyForms.text(ctx, "selectOption").isEmpty();
    Optional<Integer> selected = select ? Optional.of(options.size() - 1) : choice.selected();
    save(ctx, choice.withOptions(options, selected));
  }

  private void removeOption(Context ctx) {
    Choice choice = choice(ctx);
    int row = row(ctx, choice.options().size());
    List<ChoiceOption> options = new ArrayList<>(choice.options());
    options.remove(row);
    Optional<Integer> selected =
        choice.selected().filter(i -> i != row).map(i -> i > row ? i - 1 : i);
    save(ctx, choice.withOptions(options, selected));
  }

  private void addConstraint(Context ctx) {
    Choice choice = choice(ctx);
    ConstraintKind kind =
        ConstraintKind.fromId(JourneyForms.text(ctx, "constraintKind"))
            .orElseThrow(() -> new InvalidInputException("Choose a kind of constraint"));
    List<Constraint> constraints = new ArrayList<>(choice.constraints());
    constraints.add(
        new Constraint(
            kind,
            JourneyForms.text(ctx, "constraintTerm"),
            JourneyForms.text(ctx, "constraintNote"),
            JourneyForms.id(ctx, "constraintProcedure")));
    save(ctx, choice.withConstraints(constraints));
  }

  private void removeConstraint(Context ctx) {
    Choice choice = choice(ctx);
    List<Constraint> constraints = new ArrayList<>(choice.constraints());
    constraints.remove(row(ctx, constraints.size()));
    save(ctx, choice.withConstraints(constraints));
  }

  private void addPosition(Context ctx) {
    Tension tension = tension(ctx);
    ElementId actor =
        JourneyForms.id(ctx, "positionActor")
            .orElseThrow(() -> new InvalidInputException("Choose an actor"));
    List<Position> positions = new ArrayList<>(tension.positions());
    positions.add(
        new Position(
            actor,
            JourneyForms.text(ctx, "positionStance"),
            JourneyForms.text(ctx, "positionArgument")));
    save(ctx, tension.withPositions(positions));
  }

  private void removePosition(Context ctx) {
    Tension tension = tension(ctx);
    List<Position> positions = new ArrayList<>(tension.positions());
    positions.remove(row(ctx, positions.size()));
    save(ctx, tension.withPositions(positions));
  }

  private void save(Context ctx, Choice choice) {
    fabrique.journeys().update(user(ctx), choice);
    back(ctx, choice.id());
  }

  private void save(Context ctx, Tension tension) {
    fabrique.journeys().update(user(ctx), tension);
    back(ctx, tension.id());
  }

  private static void back(Context ctx, ElementId id) {
    Requests.redirectWithNotice(ctx, "/journey/elements/" + id, "saved");
  }

  /** The row addressed by the path, which must exist among {@code size} rows. */
  private static int row(Context ctx, int size) {
    long row = Requests.id(ctx, "row");
    if (row >= size) {
      throw new NotFoundException("There is no row " + row + " in this element");
    }
    return (int) row;
  }

  private Choice choice(Context ctx) {
    return fabrique.journeys().get(new ElementId(Requests.id(ctx, "element")), Choice.class);
  }

  private Tension tension(Context ctx) {
    return fabrique.journeys().get(new ElementId(Requests.id(ctx, "element")), Tension.class);
  }

  private UserId user(Context ctx) {
    return visitors.of(ctx).coder().id();
  }
}
