package org.fabrique.core.journey.kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.ElementOperations;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.Position;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.journey.TensionStatus;
import org.fabrique.core.journey.prov.ProvAttributes;
import org.fabrique.core.journey.prov.ProvContext;
import org.fabrique.core.journey.prov.ProvName;
import org.fabrique.core.journey.prov.ProvStatement;
import org.fabrique.core.journey.prov.Sensitive;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * Tensions: PROV entities attributed to the actors who took positions (with their stance), a
 * resolution activity when resolved; entries of the {@code fabrique_tensions} facet.
 */
final class TensionKind extends ElementKind<Tension> {
  private static final ItemKind[] ABOUT = {
    ItemKind.CHOICE, ItemKind.INTERVENTION, ItemKind.DATA_OBJECT, ItemKind.USE
  };

  TensionKind() {
    super(
        ItemKind.TENSION,
        Tension.class,
        new KindOperations<>(
            "journey.tension",
            ElementOperations.CreateTension.class,
            ElementOperations.CreateTension::new,
            ElementOperations.UpdateTension.class,
            ElementOperations.UpdateTension::new,
            ElementOperations.DeleteTension.class,
            ElementOperations.DeleteTension::new));
  }

  @Override
  public boolean takesParticipants() {
    return false;
  }

  @Override
  protected void rules(Tension tension, ElementRules rules) {
    rules.term(VocabularyName.TENSION_NATURES, tension.nature());
    rules.term(VocabularyName.RESOLUTION_MODES, tension.resolutionMode());
    tension.about().forEach(id -> rules.ref(id, ABOUT));
    tension.positions().forEach(p -> rules.ref(p.actor(), ItemKind.ACTOR));
    tension.resolvedBy().ifPresent(id -> rules.ref(id, ItemKind.INTERVENTION, ItemKind.CHOICE));
  }

  @Override
  protected GraphFacts facts(Tension tension) {
    GraphFacts.Builder facts = GraphFacts.of(tension.nature(), tension.status().id());
    tension.about().forEach(a -> facts.edge(tension.id(), a, "about"));
    tension.resolvedBy().ifPresent(r -> facts.edge(r, tension.id(), "resolved"));
    return facts.actors(tension.positions().stream().map(Position::actor).toList()).build();
  }

  @Override
  protected QueryFacts query(Tension tension) {
    List<QueryFacts.NamedActor> actors =
        tension.positions().stream()
            .map(p -> new QueryFacts.NamedActor(p.actor(), QueryFacts.POSITION, p.stance()))
            .toList();
    String how =
        tension.resolution().isEmpty() ? tension.header().description() : tension.resolution();
    return new QueryFacts(how, "", tension.resolutionMode(), actors);
  }

  @Override
  protected void mapProv(Tension tension, ProvContext prov) {
    ProvName id = prov.name(tension);
    ProvAttributes attributes =
        headerAttributes(tension)
            .fabType("Tension")
            .text("nature", tension.nature())
            .text("status", tension.status().id())
            .text("resolutionMode", tension.resolutionMode())
            .text("resolution", tension.resolution());
    prov.add(tension, new ProvStatement.Entity(id, attributes.list()));
    for (ElementId about : tension.about()) {
      prov.ref(about)
          .ifPresent(
              target ->
                  prov.add(
                      tension,
                      new ProvStatement.Influence(prov.relation(), id, target, List.of())));
    }
    for (Position position : tension.positions()) {
      Optional<ProvName> agent = prov.ref(position.actor());
      if (agent.isEmpty()) {
        continue;
      }
      ProvAttributes stance = ProvAttributes.of().text("stance", position.stance());
      if (prov.discloses(Sensitive.ARGUMENTS)) {
        stance.text("argument", position.argument());
      }
      prov.add(
          tension, new ProvStatement.Attribution(prov.relation(), id, agent.get(), stance.list()));
    }
    if (tension.status() != TensionStatus.RESOLVED) {
      return;
    }
    ProvName resolution = ProvName.element("resolution-" + tension.id());
    prov.add(
        tension,
        new ProvStatement.Activity(
            resolution,
            Optional.empty(),
            Optional.empty(),
            ProvAttributes.of()
                .fabType("TensionResolution")
                .text("resolutionMode", tension.resolutionMode())
                .text("resolution", tension.resolution())
                .list()));
    prov.add(
        tension,
        new ProvStatement.Usage(prov.relation(), resolution, id, Optional.empty(), List.of()));
    Optional<JourneyElement> by = tension.resolvedBy().flatMap(prov::exported);
    if (by.isPresent() && by.get().kind() == ItemKind.INTERVENTION) {
      prov.add(
          tension,
          new ProvStatement.Communication(
              prov.relation(), resolution, prov.name(by.get()), List.of()));
    } else if (by.isPresent()) {
      prov.add(
          tension,
          new ProvStatement.Association(
              prov.relation(),
              resolution,
              Optional.empty(),
              Optional.of(prov.name(by.get())),
              List.of()));
    }
  }

  @Override
  public LineageRole lineageRole() {
    return LineageRole.FACET_ENTRY;
  }

  @Override
  public LineageFacet lineageFacet() {
    return new LineageFacet("fabrique_tensions", "TensionsFacet", "tensions");
  }

  /** The interventions and data objects it is about, directly or through a choice. */
  @Override
  protected List<ElementId> attachedTo(Tension tension, LineageContext context) {
    Set<ElementId> targets = new LinkedHashSet<>();
    List<ElementId> direct = new ArrayList<>(tension.about());
    tension.resolvedBy().ifPresent(direct::add);
    for (ElementId id : direct) {
      Optional<JourneyElement> element = context.exported(id);
      if (element.isEmpty()) {
        continue;
      }
      if (element.get() instanceof Choice choice) {
        choice.about().stream()
            .filter(a -> context.exported(a).map(e -> e.kind() != ItemKind.USE).orElse(false))
            .forEach(targets::add);
      } else if (element.get().kind() != ItemKind.USE) {
        targets.add(id);
      }
    }
    return List.copyOf(targets);
  }

  @Override
  protected Map<String, Object> entry(Tension tension, LineageContext context) {
    List<Map<String, Object>> positions = new ArrayList<>();
    for (Position position : tension.positions()) {
      Entry entry =
          Entry.of()
              .text("actor", context.labelOf(position.actor()))
              .text("stance", position.stance());
      if (context.discloses(Sensitive.ARGUMENTS)) {
        entry.text("argument", position.argument());
      }
      positions.add(entry.map());
    }
    Entry entry =
        Entry.of()
            .text("id", id() + "-" + tension.id())
            .text("summary", tension.label())
            .text("nature", tension.nature())
            .text("status", tension.status().id())
            .text("resolutionMode", tension.resolutionMode())
            .text("resolution", tension.resolution());
    tension
        .resolvedBy()
        .flatMap(context::exported)
        .ifPresent(
            by ->
                entry.object(
                    "resolvedBy",
                    Entry.of()
                        .text("id", by.kind().id() + "-" + by.id())
                        .text("label", by.label())
                        .map()));
    return entry
        .list("positions", positions)
        .text("knownBy", tension.header().knownBy().id())
        .list("evidence", context.evidence(tension))
        .map();
  }

  @Override
  public String formPath() {
    return "tensions";
  }

  @Override
  public String addKey() {
    return "journey.add.tension";
  }

  @Override
  public List<FormField> fields() {
    return List.of(
        FormField.term("nature", "journey.nature", FieldType.TERM, VocabularyName.TENSION_NATURES),
        FormField.refs("about", "journey.about", FieldType.REFS, ABOUT),
        FormField.refs("positionActor", "journey.position.actor", FieldType.REF, ItemKind.ACTOR)
            .when(FormField.When.ADD),
        FormField.of("positionStance", "journey.position.stance", FieldType.TEXT)
            .when(FormField.When.ADD),
        FormField.choice(
            "status",
            "journey.status",
            FieldType.CHOICE,
            Arrays.stream(TensionStatus.values()).map(TensionStatus::id).toList(),
            "journey.tension.status."),
        FormField.term(
            "resolutionMode",
            "journey.resolutionMode",
            FieldType.TERM,
            VocabularyName.RESOLUTION_MODES),
        FormField.of("resolution", "journey.resolution", FieldType.LONG_TEXT),
        FormField.refs(
            "resolvedBy",
            "journey.resolvedBy",
            FieldType.REF,
            ItemKind.INTERVENTION,
            ItemKind.CHOICE));
  }

  @Override
  public List<RowList<Tension>> rows() {
    return List.of(new Positions());
  }

  @Override
  protected Tension read(ElementHeader header, FormInput input) {
    List<Position> positions = new ArrayList<>();
    List<String> actors = input.all("positionActor");
    List<String> stances = input.all("positionStance");
    for (int i = 0; i < actors.size(); i++) {
      if (actors.get(i) != null && !actors.get(i).isBlank()) {
        String actor = actors.get(i).strip();
        ElementId id =
            FormInput.of(Map.of("positionActor", List.of(actor))).id("positionActor").orElseThrow();
        positions.add(new Position(id, i < stances.size() ? stances.get(i) : "", ""));
      }
    }
    return new Tension(
        header,
        input.ids("about"),
        input.text("nature"),
        positions,
        Forms.choice(input, "status", TensionStatus::fromId, TensionStatus.OPEN, "Unknown status"),
        input.text("resolutionMode"),
        input.text("resolution"),
        input.id("resolvedBy"));
  }

  @Override
  protected Tension reread(Tension tension, ElementHeader header, FormInput input) {
    return new Tension(
        header,
        Forms.keep(input, "about", tension.about(), in -> in.ids("about")),
        Forms.keepText(input, "nature", tension.nature()),
        tension.positions(),
        Forms.keep(
            input,
            "status",
            tension.status(),
            in ->
                Forms.choice(
                    in, "status", TensionStatus::fromId, tension.status(), "Unknown status")),
        Forms.keepText(input, "resolutionMode", tension.resolutionMode()),
        Forms.keepText(input, "resolution", tension.resolution()),
        Forms.keep(input, "resolvedBy", tension.resolvedBy(), in -> in.id("resolvedBy")));
  }

  @Override
  protected Map<String, List<String>> values(Tension tension) {
    return FormValues.of()
        .text("nature", tension.nature())
        .ids("about", tension.about())
        .text("status", tension.status().id())
        .text("resolutionMode", tension.resolutionMode())
        .text("resolution", tension.resolution())
        .id("resolvedBy", tension.resolvedBy())
        .map();
  }

  /** The positions actors took, with their stance and argument. */
  private static final class Positions extends RowList<Tension> {
    Positions() {
      super(
          "positions",
          "journey.positions",
          "journey.positions.none",
          List.of(
              FormField.refs(
                      "positionActor", "journey.position.actor", FieldType.REF, ItemKind.ACTOR)
                  .mandatory(),
              FormField.of("positionStance", "journey.position.stance", FieldType.TEXT),
              FormField.of("positionArgument", "journey.position.argument", FieldType.LONG_TEXT)));
    }

    @Override
    public int size(Tension tension) {
      return tension.positions().size();
    }

    @Override
    public Map<String, List<String>> values(Tension tension, int row) {
      Position position = tension.positions().get(row);
      return FormValues.of()
          .id("positionActor", Optional.of(position.actor()))
          .text("positionStance", position.stance())
          .text("positionArgument", position.argument())
          .map();
    }

    @Override
    public Tension add(Tension tension, FormInput input) {
      ElementId actor =
          input.id("positionActor").orElseThrow(() -> new InvalidInputException("Choose an actor"));
      List<Position> positions = new ArrayList<>(tension.positions());
      positions.add(
          new Position(actor, input.text("positionStance"), input.text("positionArgument")));
      return tension.withPositions(positions);
    }

    @Override
    protected Tension without(Tension tension, int row) {
      List<Position> positions = new ArrayList<>(tension.positions());
      positions.remove(row);
      return tension.withPositions(positions);
    }
  }
}
