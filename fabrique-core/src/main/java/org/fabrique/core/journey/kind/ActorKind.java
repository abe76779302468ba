package org.fabrique.core.journey.kind;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.ElementOperations;
import org.fabrique.core.journey.Participation;
import org.fabrique.core.journey.prov.ProvAttributes;
import org.fabrique.core.journey.prov.ProvContext;
import org.fabrique.core.journey.prov.ProvName;
import org.fabrique.core.journey.prov.ProvStatement;
import org.fabrique.core.journey.prov.Sensitive;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.vocabulary.VocabularyName;

/**
 * Actors: PROV agents (persons, organisations, software) by pseudonym, entries of the {@code
 * fabrique_actors} facet of the interventions they took part in. The real name leaves only when the
 * redaction profile discloses real names.
 */
final class ActorKind extends ElementKind<Actor> {

  ActorKind() {
    super(
        ItemKind.ACTOR,
        Actor.class,
        new KindOperations<>(
            "journey.actor",
            ElementOperations.CreateActor.class,
            ElementOperations.CreateActor::new,
            ElementOperations.UpdateActor.class,
            ElementOperations.UpdateActor::new,
            ElementOperations.DeleteActor.class,
            ElementOperations.DeleteActor::new));
  }

  @Override
  public boolean takesParticipants() {
    return false;
  }

  @Override
  public String missingLabel() {
    return "An actor needs a pseudonym";
  }

  @Override
  protected void rules(Actor element, ElementRules rules) {
    // a type and a pseudonym are all an actor needs; the header's check covers the pseudonym
    rules.term(VocabularyName.ACTOR_CATEGORIES, element.category());
  }

  @Override
  protected GraphFacts facts(Actor actor) {
    return GraphFacts.of(actor.type().id(), "").actors(List.of(actor.id())).build();
  }

  @Override
  protected QueryFacts query(Actor actor) {
    return QueryFacts.of(actor.header().description());
  }

  @Override
  protected void mapProv(Actor actor, ProvContext prov) {
    ProvAttributes attributes =
        headerAttributes(actor)
            .type(
                ProvName.prov(
                    switch (actor.type()) {
                      case PERSON -> "Person";
                      case ORGANISATION, COMMITTEE -> "Organization";
                      case SOFTWARE -> "SoftwareAgent";
                    }))
            .fabType(DataObjectKind.camel(actor.type().id()))
            .text("category", actor.category())
            .text("institution", actor.institution());
    if (prov.discloses(Sensitive.REAL_NAMES)) {
      actor.realName().ifPresent(name -> attributes.text("realName", name));
    }
    prov.add(actor, new ProvStatement.Agent(prov.name(actor), attributes.list()));
  }

  @Override
  public LineageRole lineageRole() {
    return LineageRole.FACET_ENTRY;
  }

  @Override
  public LineageFacet lineageFacet() {
    return new LineageFacet("fabrique_actors", "ActorsFacet", "actors");
  }

  @Override
  protected List<ElementId> attachedTo(Actor actor, LineageContext context) {
    Set<ElementId> targets = new LinkedHashSet<>();
    for (Participation participation : context.participationsOf(actor)) {
      targets.add(new ElementId(participation.target().id()));
    }
    return List.copyOf(targets);
  }

  @Override
  protected Map<String, Object> entry(Actor actor, LineageContext context) {
    List<Map<String, Object>> roles =
        context.participationsOf(actor).stream()
            .map(
                p ->
                    Entry.of()
                        .text("element", p.target().kind().id() + "-" + p.target().id())
                        .text("role", p.role())
                        .map())
            .toList();
    Entry entry =
        Entry.of()
            .text("id", id() + "-" + actor.id())
            .text("pseudonym", actor.pseudonym())
            .text("type", actor.type().id())
            .text("category", actor.category())
            .text("institution", actor.institution())
            .text("knownBy", actor.header().knownBy().id())
            .list("roles", roles)
            .list("evidence", context.evidence(actor));
    if (context.discloses(Sensitive.REAL_NAMES)) {
      actor.realName().ifPresent(name -> entry.text("realName", name));
    }
    return entry.map();
  }

  @Override
  public String formPath() {
    return "actors";
  }

  @Override
  public String addKey() {
    return "journey.add.actor";
  }

  @Override
  public FormField labelField() {
    return FormField.of("pseudonym", "journey.pseudonym", FieldType.TEXT).mandatory();
  }

  @Override
  public List<FormField> fields() {
    return List.of(
        FormField.choice(
                "type",
                "journey.actor.type",
                FieldType.CHOICE,
                Arrays.stream(ActorType.values()).map(ActorType::id).toList(),
                "journey.actor.type.")
            .mandatory(),
        FormField.term(
            "category", "journey.actor.category", FieldType.TERM, VocabularyName.ACTOR_CATEGORIES),
        FormField.of("institution", "journey.actor.institution", FieldType.TEXT),
        FormField.of("realName", "journey.realName", FieldType.SECRET));
  }

  @Override
  protected Actor read(ElementHeader header, FormInput input) {
    ActorType type = Forms.choice(input, "type", ActorType::fromId, null, "Choose a type of actor");
    String realName = input.text("realName");
    return new Actor(
        header,
        type,
        realName.isEmpty() ? Optional.empty() : Optional.of(realName),
        input.text("category"),
        input.text("institution"));
  }

  /** A real name left empty in the edit form is kept: the form never shows it back. */
  @Override
  protected Actor reread(Actor actor, ElementHeader header, FormInput input) {
    ActorType type =
        Forms.keep(
            input,
            "type",
            actor.type(),
            in -> Forms.choice(in, "type", ActorType::fromId, null, "Choose a type of actor"));
    String realName = input.text("realName");
    return new Actor(
        header,
        type,
        realName.isEmpty() ? actor.realName() : Optional.of(realName),
        Forms.keepText(input, "category", actor.category()),
        Forms.keepText(input, "institution", actor.institution()));
  }

  @Override
  protected Map<String, List<String>> values(Actor actor) {
    return FormValues.of()
        .text("type", actor.type().id())
        .text("category", actor.category())
        .text("institution", actor.institution())
        .flag("realName", actor.realName().isPresent())
        .map();
  }
}
