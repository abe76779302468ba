package org.fabrique.formats.prov;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.KnowledgeClaim;
import org.fabrique.core.journey.Participation;
import org.fabrique.core.journey.Procedure;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.journey.Use;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.formats.journey.Checksums;
import org.fabrique.formats.journey.JourneySnapshot;
import org.fabrique.formats.journey.RedactionProfile;
import org.openprovenance.prov.model.Attribute;
import org.openprovenance.prov.model.Bundle;
import org.openprovenance.prov.model.Document;
import org.openprovenance.prov.model.Name;
import org.openprovenance.prov.model.Namespace;
import org.openprovenance.prov.model.ProvFactory;
import org.openprovenance.prov.model.QualifiedName;
import org.openprovenance.prov.model.Statement;

/**
 * Builds a PROV document of an inquiry's journeys with ProvToolbox: one bundle per journey (case),
 * data objects as entities, interventions and uses as activities, actors as agents, choices as
 * {@code prov:Plan}, tensions as entities with the activity that resolved them, evidence as opaque
 * entities with checksums.
 */
final class ProvDocumentBuilder {
  static final String FAB = "https://w3id.org/fabrique/ns#";
  static final String DPV = "https://w3id.org/dpv#";
  static final String PROV = "http://www.w3.org/ns/prov#";

  private final ProvFactory factory;
  private final Name name;
  private final RedactionProfile profile;
  private final String elementNamespace;
  private final Namespace namespace = new Namespace();
  private final Map<String, List<Statement>> bundles = new LinkedHashMap<>();
  private final Map<ElementId, JourneyElement> byId = new LinkedHashMap<>();
  private int relation;

  ProvDocumentBuilder(ProvFactory factory, RedactionProfile profile, JourneySnapshot snapshot) {
    this.factory = factory;
    this.name = factory.getName();
    this.profile = profile;
    this.elementNamespace = "urn:fabrique:inquiry:" + snapshot.inquiryId() + ":";
    namespace.addKnownNamespaces();
    namespace.register("fab", FAB);
    namespace.register("j", elementNamespace);
    namespace.register("dpv", DPV);
    snapshot.elements().stream()
        .filter(e -> profile.allows(e.header().confidentiality()))
        .forEach(e -> byId.put(e.id(), e));
  }

  Document build(JourneySnapshot snapshot) {
    for (JourneyElement element : byId.values()) {
      add(element);
    }
    for (Participation participation : snapshot.participations()) {
      addParticipation(participation);
    }
    for (Evidence evidence : snapshot.evidence()) {
      if (profile.allows(evidence.confidentiality())
          && byId.containsKey(new ElementId(evidence.element().id()))) {
        addEvidence(evidence, snapshot.sourceDigests().get(evidence.sourceId()));
      }
    }
    Document document = factory.newDocument();
    document.setNamespace(namespace);
    for (Map.Entry<String, List<Statement>> bundle : bundles.entrySet()) {
      Bundle named =
          factory.newNamedBundle(j(bundle.getKey()), new Namespace(namespace), bundle.getValue());
      document.getStatementOrBundle().add(named);
    }
    return document;
  }

  private void add(JourneyElement element) {
    List<Attribute> attributes = common(element);
    QualifiedName id = j(element);
    if (element instanceof DataObject object) {
      attributes.add(type("DataObject"));
      attributes.add(type(camel(object.type().id())));
      other(attributes, "identifiability", object.identifiability());
      other(attributes, "healthCategory", object.healthCategory());
      other(attributes, "population", object.population());
      object.useConditions().forEach(c -> other(attributes, "useCondition", c.term()));
      object.fields().forEach(f -> other(attributes, "field", f.name()));
      other(attributes, "externalName", object.externalName());
      emit(element, factory.newEntity(id, attributes));
      object
          .partOf()
          .filter(byId::containsKey)
          .ifPresent(p -> emit(element, factory.newSpecializationOf(id, j(byId.get(p)))));
    } else if (element instanceof Intervention intervention) {
      attributes.add(type("Intervention"));
      other(attributes, "interventionType", intervention.type());
      other(attributes, "tool", intervention.tool());
      intervention.fieldsAffected().forEach(f -> other(attributes, "fieldAffected", f));
      other(attributes, "externalName", intervention.externalName());
      emit(
          element,
          factory.newActivity(
              id,
              intervention.startedAt().map(t -> factory.newISOTime(t.toString())).orElse(null),
              intervention.endedAt().map(t -> factory.newISOTime(t.toString())).orElse(null),
              attributes));
      for (ElementId input : intervention.inputs()) {
        if (byId.containsKey(input)) {
          emit(element, factory.newUsed(relationId(), id, j(byId.get(input))));
        }
      }
      for (ElementId output : intervention.outputs()) {
        if (!byId.containsKey(output)) {
          continue;
        }
        emit(element, factory.newWasGeneratedBy(relationId(), j(byId.get(output)), id));
        for (ElementId input : intervention.inputs()) {
          if (byId.containsKey(input)) {
            emit(
                element,
                factory.newWasDerivedFrom(
                    relationId(),
                    j(byId.get(output)),
                    j(byId.get(input)),
                    id,
                    null,
                    null,
                    List.of()));
          }
        }
      }
    } else if (element instanceof Actor actor) {
      attributes.add(
          factory.newType(
              switch (actor.type()) {
                case PERSON -> name.PROV_PERSON;
                case ORGANISATION, COMMITTEE -> name.PROV_ORGANIZATION;
                case SOFTWARE -> prov("SoftwareAgent");
              },
              name.PROV_QUALIFIED_NAME));
      attributes.add(type(camel(actor.type().id())));
      if (profile.names() == RedactionProfile.Disclosure.DISCLOSED) {
        actor.realName().ifPresent(n -> other(attributes, "realName", n));
      }
      emit(element, factory.newAgent(id, attributes));
    } else if (element instanceof Choice choice) {
      attributes.add(factory.newType(prov("Plan"), name.PROV_QUALIFIED_NAME));
      attributes.add(type("Choice"));
      choice.dimensions().stream().sorted().forEach(d -> other(attributes, "dimension", d.id()));
      other(attributes, "status", choice.status().id());
      other(attributes, "decisionMode", choice.decisionMode());
      other(attributes, "rationale", choice.rationale());
      choice.options().forEach(o -> other(attributes, "option", o.label()));
      choice.selectedOption().ifPresent(o -> other(attributes, "selectedOption", o.label()));
      choice.decidedOn().ifPresent(d -> other(attributes, "decidedOn", d.toString()));
      choice
          .constraints()
          .forEach(c -> other(attributes, "constraint", c.kind().id() + ":" + c.term()));
      emit(element, factory.newEntity(id, attributes));
      for (ElementId actor : choice.decidedBy()) {
        if (byId.containsKey(actor)) {
          emit(
              element,
              factory.newWasAttributedTo(
                  relationId(),
                  id,
                  j(byId.get(actor)),
                  attrs(factory.newOther(fab("role"), "decider", name.XSD_STRING))));
        }
      }
      for (ElementId about : choice.about()) {
        JourneyElement target = byId.get(about);
        if (target instanceof Intervention || target instanceof Use) {
          emit(element, factory.newWasAssociatedWith(relationId(), j(target), null, id, attrs()));
        } else if (target != null) {
          emit(element, factory.newWasInfluencedBy(relationId(), j(target), id, attrs()));
        }
      }
      choice.constraints().stream()
          .flatMap(c -> c.procedure().stream())
          .filter(byId::containsKey)
          .forEach(
              p ->
                  emit(
                      element,
                      factory.newWasInfluencedBy(relationId(), id, j(byId.get(p)), attrs())));
    } else if (element instanceof Tension tension) {
      attributes.add(type("Tension"));
      other(attributes, "nature", tension.nature());
      other(attributes, "status", tension.status().id());
      other(attributes, "resolutionMode", tension.resolutionMode());
      other(attributes, "resolution", tension.resolution());
      emit(element, factory.newEntity(id, attributes));
      for (ElementId about : tension.about()) {
        if (byId.containsKey(about)) {
          emit(element, factory.newWasInfluencedBy(relationId(), id, j(byId.get(about)), attrs()));
        }
      }
      for (var position : tension.positions()) {
        if (byId.containsKey(position.actor())) {
          List<Attribute> stance = new ArrayList<>();
          other(stance, "stance", position.stance());
          if (profile.arguments() == RedactionProfile.Disclosure.DISCLOSED) {
            other(stance, "argument", position.argument());
          }
          emit(
              element,
              factory.newWasAttributedTo(relationId(), id, j(byId.get(position.actor())), stance));
        }
      }
      if (tension.status() == org.fabrique.core.journey.TensionStatus.RESOLVED) {
        QualifiedName resolution = j("resolution-" + tension.id());
        List<Attribute> resolutionAttributes = new ArrayList<>();
        resolutionAttributes.add(type("TensionResolution"));
        other(resolutionAttributes, "resolutionMode", tension.resolutionMode());
        emit(element, factory.newActivity(resolution, null, null, resolutionAttributes));
        emit(element, factory.newUsed(relationId(), resolution, id));
        tension
            .resolvedBy()
            .map(byId::get)
            .ifPresent(
                by -> {
                  if (by instanceof Intervention) {
                    emit(
                        element,
                        factory.newWasInformedBy(relationId(), resolution, j(by), attrs()));
                  } else {
                    emit(
                        element,
                        factory.newWasAssociatedWith(
                            relationId(), resolution, null, j(by), attrs()));
                  }
                });
      }
    } else if (element instanceof Use use) {
      attributes.add(type("Use"));
      other(attributes, "purpose", use.purposeTerm());
      use.conditionsRequested().forEach(c -> other(attributes, "conditionRequested", c.term()));
      emit(element, factory.newActivity(id, null, null, attributes));
      use.dataUsed().stream()
          .filter(byId::containsKey)
          .forEach(d -> emit(element, factory.newUsed(relationId(), id, j(byId.get(d)))));
      use.requester()
          .filter(byId::containsKey)
          .ifPresent(
              r ->
                  emit(
                      element,
                      factory.newWasAssociatedWith(
                          relationId(),
                          id,
                          j(byId.get(r)),
                          null,
                          attrs(factory.newRole(fab("requester"), name.PROV_QUALIFIED_NAME)))));
    } else if (element instanceof Procedure procedure) {
      attributes.add(type("Procedure"));
      other(attributes, "procedureType", procedure.type());
      other(attributes, "reference", procedure.reference());
      other(attributes, "outcome", procedure.outcome());
      procedure.date().ifPresent(d -> other(attributes, "date", d.toString()));
      emit(element, factory.newEntity(id, attributes));
      procedure
          .issuedBy()
          .filter(byId::containsKey)
          .ifPresent(
              a ->
                  emit(
                      element,
                      factory.newWasAttributedTo(relationId(), id, j(byId.get(a)), attrs())));
    } else if (element instanceof KnowledgeClaim claim) {
      attributes.add(type("KnowledgeClaim"));
      other(attributes, "claimKind", claim.claimKind().id());
      other(attributes, "population", claim.population());
      emit(element, factory.newEntity(id, attributes));
      claim.about().stream()
          .filter(byId::containsKey)
          .forEach(
              d ->
                  emit(
                      element,
                      factory.newWasInfluencedBy(relationId(), id, j(byId.get(d)), attrs())));
    }
  }

  private void addParticipation(Participation participation) {
    JourneyElement actor = byId.get(participation.actor());
    JourneyElement target = byId.get(new ElementId(participation.target().id()));
    if (actor == null || target == null) {
      return;
    }
    List<Attribute> role =
        participation.role().isEmpty()
            ? attrs()
            : attrs(factory.newRole(fab(participation.role()), name.PROV_QUALIFIED_NAME));
    if (target.kind() == ItemKind.CHOICE) {
      // an attribution has no prov:role: the role goes as fab:role
      List<Attribute> asOther = attrs();
      other(asOther, "role", participation.role());
      emit(target, factory.newWasAttributedTo(relationId(), j(target), j(actor), asOther));
    } else {
      emit(target, factory.newWasAssociatedWith(relationId(), j(target), j(actor), null, role));
    }
  }

  private void addEvidence(Evidence evidence, String sourceDigest) {
    JourneyElement element = byId.get(new ElementId(evidence.element().id()));
    QualifiedName id = j("evidence-" + evidence.id());
    List<Attribute> attributes = new ArrayList<>();
    attributes.add(type("Evidence"));
    other(attributes, "source", "source-" + evidence.sourceId());
    evidence
        .span()
        .ifPresent(
            s -> {
              other(attributes, "start", Integer.toString(s.start()));
              other(attributes, "end", Integer.toString(s.end()));
            });
    other(attributes, "sha256", Checksums.of(evidence, sourceDigest));
    other(attributes, "confidentiality", evidence.confidentiality().id());
    if (profile.quotes() == RedactionProfile.Disclosure.DISCLOSED) {
      other(attributes, "quote", evidence.quote());
    }
    emit(element, factory.newEntity(id, attributes));
    emit(element, factory.newWasInfluencedBy(relationId(), j(element), id, attrs()));
  }

  private List<Attribute> common(JourneyElement element) {
    List<Attribute> attributes = new ArrayList<>();
    attributes.add(factory.newLabel(element.label(), name.XSD_STRING));
    other(attributes, "description", element.header().description());
    other(attributes, "knownBy", element.header().knownBy().id());
    other(attributes, "confidentiality", element.header().confidentiality().id());
    return attributes;
  }

  private void emit(JourneyElement owner, Statement statement) {
    String bundle = owner.header().caseId().map(c -> "journey-case-" + c).orElse("journey-inquiry");
    bundles.computeIfAbsent(bundle, b -> new ArrayList<>()).add(statement);
  }

  /** ProvToolbox adds to the lists it is given: they must be mutable. */
  private static List<Attribute> attrs(Attribute... attributes) {
    return new ArrayList<>(List.of(attributes));
  }

  private Attribute type(String local) {
    return factory.newType(fab(local), name.PROV_QUALIFIED_NAME);
  }

  private void other(List<Attribute> attributes, String local, String value) {
    if (value != null && !value.isEmpty()) {
      attributes.add(factory.newOther(fab(local), value, name.XSD_STRING));
    }
  }

  private QualifiedName prov(String local) {
    return factory.newQualifiedName(PROV, local, "prov");
  }

  private QualifiedName fab(String local) {
    return factory.newQualifiedName(FAB, local, "fab");
  }

  private QualifiedName j(JourneyElement element) {
    return j(element.kind().id() + "-" + element.id());
  }

  private QualifiedName j(String local) {
    return factory.newQualifiedName(elementNamespace, local, "j");
  }

  private QualifiedName relationId() {
    return j("r" + (++relation));
  }

  private static String camel(String id) {
    StringBuilder out = new StringBuilder();
    for (String part : id.split("-")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }
}
