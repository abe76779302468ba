package org.fabrique.formats.prov;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
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
import org.fabrique.core.journey.TensionStatus;
import org.fabrique.core.journey.Use;
import org.fabrique.formats.journey.Checksums;
import org.fabrique.formats.journey.JourneySnapshot;
import org.fabrique.formats.journey.RedactionProfile;

/**
 * Writes journeys as PROV-O in Turtle with Apache Jena. Each journey is a {@code prov:Bundle}; its
 * elements point to it with {@code fab:journey} (Turtle has no named graphs).
 */
final class ProvTurtleWriter {
  private static final String PROV = ProvDocumentBuilder.PROV;
  private static final String FAB = ProvDocumentBuilder.FAB;

  private final JourneySnapshot snapshot;
  private final RedactionProfile profile;
  private final Model model = ModelFactory.createDefaultModel();
  private final String base;
  private final Map<ElementId, JourneyElement> byId = new LinkedHashMap<>();

  ProvTurtleWriter(JourneySnapshot snapshot, RedactionProfile profile) {
    this.snapshot = snapshot;
    this.profile = profile;
    this.base = "urn:fabrique:inquiry:" + snapshot.inquiryId() + ":";
    model.setNsPrefix("prov", PROV);
    model.setNsPrefix("fab", FAB);
    model.setNsPrefix("xsd", XSD.getURI());
    model.setNsPrefix("rdfs", RDFS.getURI());
    model.setNsPrefix("j", base);
    snapshot.elements().stream()
        .filter(e -> profile.allows(e.header().confidentiality()))
        .forEach(e -> byId.put(e.id(), e));
  }

  void write(OutputStream out) {
    for (JourneyElement element : byId.values()) {
      add(element);
    }
    for (Participation participation : snapshot.participations()) {
      JourneyElement actor = byId.get(participation.actor());
      JourneyElement target = byId.get(new ElementId(participation.target().id()));
      if (actor == null || target == null) {
        continue;
      }
      Resource qualified = model.createResource();
      if (target instanceof Choice) {
        res(target).addProperty(prov("wasAttributedTo"), res(actor));
        res(target).addProperty(prov("qualifiedAttribution"), qualified);
        qualified.addProperty(RDF.type, provClass("Attribution"));
      } else {
        res(target).addProperty(prov("wasAssociatedWith"), res(actor));
        res(target).addProperty(prov("qualifiedAssociation"), qualified);
        qualified.addProperty(RDF.type, provClass("Association"));
      }
      qualified.addProperty(prov("agent"), res(actor));
      if (!participation.role().isEmpty()) {
        qualified.addProperty(prov("hadRole"), model.createResource(FAB + participation.role()));
      }
    }
    for (Evidence evidence : snapshot.evidence()) {
      JourneyElement element = byId.get(new ElementId(evidence.element().id()));
      if (element == null || !profile.allows(evidence.confidentiality())) {
        continue;
      }
      Resource entity = model.createResource(base + "evidence-" + evidence.id());
      entity.addProperty(RDF.type, provClass("Entity")).addProperty(RDF.type, fabClass("Evidence"));
      literal(entity, "source", "source-" + evidence.sourceId());
      literal(
          entity,
          "sha256",
          Checksums.of(evidence, snapshot.sourceDigests().get(evidence.sourceId())));
      if (profile.quotes() == RedactionProfile.Disclosure.DISCLOSED) {
        literal(entity, "quote", evidence.quote());
      }
      res(element).addProperty(prov("wasInfluencedBy"), entity);
    }
    RDFDataMgr.write(out, model, Lang.TURTLE);
  }

  private void add(JourneyElement element) {
    Resource subject = res(element);
    subject.addProperty(RDFS.label, element.label());
    literal(subject, "knownBy", element.header().knownBy().id());
    literal(subject, "confidentiality", element.header().confidentiality().id());
    String journey =
        element.header().caseId().map(c -> "journey-case-" + c).orElse("journey-inquiry");
    Resource bundle =
        model.createResource(base + journey).addProperty(RDF.type, provClass("Bundle"));
    subject.addProperty(fab("journey"), bundle);
    if (element instanceof DataObject object) {
      subject
          .addProperty(RDF.type, provClass("Entity"))
          .addProperty(RDF.type, fabClass("DataObject"));
      literal(subject, "dataObjectType", object.type().id());
      literal(subject, "identifiability", object.identifiability());
      object.useConditions().forEach(c -> literal(subject, "useCondition", c.term()));
    } else if (element instanceof Intervention intervention) {
      subject
          .addProperty(RDF.type, provClass("Activity"))
          .addProperty(RDF.type, fabClass("Intervention"));
      literal(subject, "interventionType", intervention.type());
      intervention
          .startedAt()
          .ifPresent(
              t ->
                  subject.addLiteral(
                      prov("startedAtTime"),
                      model.createTypedLiteral(t.toString(), XSD.dateTime.getURI())));
      intervention
          .endedAt()
          .ifPresent(
              t ->
                  subject.addLiteral(
                      prov("endedAtTime"),
                      model.createTypedLiteral(t.toString(), XSD.dateTime.getURI())));
      for (ElementId input : intervention.inputs()) {
        if (byId.containsKey(input)) {
          subject.addProperty(prov("used"), res(byId.get(input)));
        }
      }
      for (ElementId output : intervention.outputs()) {
        if (byId.containsKey(output)) {
          Resource generated = res(byId.get(output));
          generated.addProperty(prov("wasGeneratedBy"), subject);
          for (ElementId input : intervention.inputs()) {
            if (byId.containsKey(input)) {
              generated.addProperty(prov("wasDerivedFrom"), res(byId.get(input)));
            }
          }
        }
      }
    } else if (element instanceof Actor actor) {
      subject.addProperty(
          RDF.type,
          provClass(
              switch (actor.type()) {
                case PERSON -> "Person";
                case ORGANISATION, COMMITTEE -> "Organization";
                case SOFTWARE -> "SoftwareAgent";
              }));
      if (profile.names() == RedactionProfile.Disclosure.DISCLOSED) {
        actor.realName().ifPresent(n -> literal(subject, "realName", n));
      }
    } else if (element instanceof Choice choice) {
      subject.addProperty(RDF.type, provClass("Plan")).addProperty(RDF.type, fabClass("Choice"));
      choice.dimensions().forEach(d -> literal(subject, "dimension", d.id()));
      literal(subject, "status", choice.status().id());
      literal(subject, "decisionMode", choice.decisionMode());
      literal(subject, "rationale", choice.rationale());
      choice.selectedOption().ifPresent(o -> literal(subject, "selectedOption", o.label()));
      for (ElementId actor : choice.decidedBy()) {
        if (byId.containsKey(actor)) {
          subject.addProperty(prov("wasAttributedTo"), res(byId.get(actor)));
        }
      }
      for (ElementId about : choice.about()) {
        JourneyElement target = byId.get(about);
        if (target instanceof Intervention || target instanceof Use) {
          Resource association =
              model.createResource().addProperty(RDF.type, provClass("Association"));
          association.addProperty(prov("hadPlan"), subject);
          res(target).addProperty(prov("qualifiedAssociation"), association);
        } else if (target != null) {
          res(target).addProperty(prov("wasInfluencedBy"), subject);
        }
      }
    } else if (element instanceof Tension tension) {
      subject.addProperty(RDF.type, provClass("Entity")).addProperty(RDF.type, fabClass("Tension"));
      literal(subject, "nature", tension.nature());
      literal(subject, "status", tension.status().id());
      literal(subject, "resolutionMode", tension.resolutionMode());
      tension.about().stream()
          .filter(byId::containsKey)
          .forEach(a -> subject.addProperty(prov("wasInfluencedBy"), res(byId.get(a))));
      tension.positions().stream()
          .filter(p -> byId.containsKey(p.actor()))
          .forEach(p -> subject.addProperty(prov("wasAttributedTo"), res(byId.get(p.actor()))));
      if (tension.status() == TensionStatus.RESOLVED) {
        Resource resolution = model.createResource(base + "resolution-" + tension.id());
        resolution
            .addProperty(RDF.type, provClass("Activity"))
            .addProperty(RDF.type, fabClass("TensionResolution"));
        resolution.addProperty(prov("used"), subject);
        literal(resolution, "resolutionMode", tension.resolutionMode());
        tension
            .resolvedBy()
            .map(byId::get)
            .ifPresent(by -> resolution.addProperty(prov("wasInformedBy"), res(by)));
      }
    } else if (element instanceof Use use) {
      subject.addProperty(RDF.type, provClass("Activity")).addProperty(RDF.type, fabClass("Use"));
      literal(subject, "purpose", use.purposeTerm());
      use.dataUsed().stream()
          .filter(byId::containsKey)
          .forEach(d -> subject.addProperty(prov("used"), res(byId.get(d))));
    } else if (element instanceof Procedure procedure) {
      subject
          .addProperty(RDF.type, provClass("Entity"))
          .addProperty(RDF.type, fabClass("Procedure"));
      literal(subject, "procedureType", procedure.type());
      literal(subject, "reference", procedure.reference());
    } else if (element instanceof KnowledgeClaim claim) {
      subject
          .addProperty(RDF.type, provClass("Entity"))
          .addProperty(RDF.type, fabClass("KnowledgeClaim"));
      literal(subject, "claimKind", claim.claimKind().id());
      claim.about().stream()
          .filter(byId::containsKey)
          .forEach(d -> subject.addProperty(prov("wasInfluencedBy"), res(byId.get(d))));
    }
  }

  private Resource res(JourneyElement element) {
    return model.createResource(base + element.kind().id() + "-" + element.id());
  }

  private Resource provClass(String local) {
    return model.createResource(PROV + local);
  }

  private Property prov(String local) {
    return model.createProperty(PROV, local);
  }

  private Property fab(String local) {
    return model.createProperty(FAB, local);
  }

  private Resource fabClass(String local) {
    return model.createResource(FAB + local);
  }

  private void literal(Resource subject, String local, String value) {
    if (value != null && !value.isEmpty()) {
      subject.addProperty(fab(local), value);
    }
  }
}
