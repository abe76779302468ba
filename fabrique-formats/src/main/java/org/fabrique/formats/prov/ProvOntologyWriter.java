package org.fabrique.formats.prov;

import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.fabrique.core.journey.prov.ProvAttribute;
import org.fabrique.core.journey.prov.ProvName;
import org.fabrique.core.journey.prov.ProvNamespaces;
import org.fabrique.core.journey.prov.ProvStatement;
import org.fabrique.core.journey.prov.ProvValue;

/**
 * Turns a {@link ProvGraph} into PROV-O with Apache Jena. Every relation is written twice, as
 * PROV-O recommends: the direct property ({@code prov:used}) and its qualified node ({@code
 * prov:qualifiedUsage} to a {@code prov:Usage} named by the relation's id), which carries the
 * relation's time, role and other attributes. Turtle has no named graphs: each journey is a {@code
 * prov:Bundle} and the elements point to theirs with {@code fab:journey}.
 */
final class ProvOntologyWriter {
  private final Model model = ModelFactory.createDefaultModel();
  private String elementNamespace;

  Model model(ProvGraph graph) {
    elementNamespace = graph.elementNamespace();
    model.setNsPrefix(ProvNamespaces.PROV_PREFIX, ProvNamespaces.PROV);
    model.setNsPrefix(ProvNamespaces.FAB_PREFIX, ProvNamespaces.FAB);
    model.setNsPrefix(ProvNamespaces.OA_PREFIX, ProvNamespaces.OA);
    model.setNsPrefix(ProvNamespaces.XSD_PREFIX, ProvNamespaces.XSD);
    model.setNsPrefix("rdfs", RDFS.getURI());
    model.setNsPrefix(ProvNamespaces.ELEMENT_PREFIX, elementNamespace);
    for (Map.Entry<String, List<ProvStatement>> bundle : graph.bundles().entrySet()) {
      Resource bundleNode = resource(ProvName.element(bundle.getKey()));
      bundleNode.addProperty(RDF.type, resource(ProvName.prov("Bundle")));
      for (ProvStatement statement : bundle.getValue()) {
        write(statement, bundleNode);
      }
    }
    return model;
  }

  private void write(ProvStatement statement, Resource bundle) {
    if (statement instanceof ProvStatement.Entity s) {
      node(s.id(), "Entity", s.attributes(), bundle);
    } else if (statement instanceof ProvStatement.Activity s) {
      Resource activity = node(s.id(), "Activity", s.attributes(), bundle);
      s.start().ifPresent(t -> activity.addLiteral(prov("startedAtTime"), dateTime(t.toString())));
      s.end().ifPresent(t -> activity.addLiteral(prov("endedAtTime"), dateTime(t.toString())));
    } else if (statement instanceof ProvStatement.Agent s) {
      node(s.id(), "Agent", s.attributes(), bundle);
    } else if (statement instanceof ProvStatement.Usage s) {
      Resource qualified =
          relation(s.activity(), "used", s.entity(), "qualifiedUsage", "Usage", s.id());
      qualified.addProperty(prov("entity"), resource(s.entity()));
      s.time().ifPresent(t -> qualified.addLiteral(prov("atTime"), dateTime(t.toString())));
      attributes(qualified, s.attributes());
    } else if (statement instanceof ProvStatement.Generation s) {
      Resource qualified =
          relation(
              s.entity(),
              "wasGeneratedBy",
              s.activity(),
              "qualifiedGeneration",
              "Generation",
              s.id());
      qualified.addProperty(prov("activity"), resource(s.activity()));
      s.time().ifPresent(t -> qualified.addLiteral(prov("atTime"), dateTime(t.toString())));
      attributes(qualified, s.attributes());
    } else if (statement instanceof ProvStatement.Derivation s) {
      Resource qualified =
          relation(
              s.generated(),
              "wasDerivedFrom",
              s.used(),
              "qualifiedDerivation",
              "Derivation",
              s.id());
      qualified.addProperty(prov("entity"), resource(s.used()));
      s.activity().ifPresent(a -> qualified.addProperty(prov("hadActivity"), resource(a)));
      attributes(qualified, s.attributes());
    } else if (statement instanceof ProvStatement.Association s) {
      Resource qualified = resource(s.id());
      resource(s.activity()).addProperty(prov("qualifiedAssociation"), qualified);
      qualified.addProperty(RDF.type, resource(ProvName.prov("Association")));
      s.agent()
          .ifPresent(
              agent -> {
                resource(s.activity()).addProperty(prov("wasAssociatedWith"), resource(agent));
                qualified.addProperty(prov("agent"), resource(agent));
              });
      s.plan().ifPresent(plan -> qualified.addProperty(prov("hadPlan"), resource(plan)));
      attributes(qualified, s.attributes());
    } else if (statement instanceof ProvStatement.Attribution s) {
      Resource qualified =
          relation(
              s.entity(),
              "wasAttributedTo",
              s.agent(),
              "qualifiedAttribution",
              "Attribution",
              s.id());
      qualified.addProperty(prov("agent"), resource(s.agent()));
      attributes(qualified, s.attributes());
    } else if (statement instanceof ProvStatement.Influence s) {
      Resource qualified =
          relation(
              s.influencee(),
              "wasInfluencedBy",
              s.influencer(),
              "qualifiedInfluence",
              "Influence",
              s.id());
      qualified.addProperty(prov("influencer"), resource(s.influencer()));
      attributes(qualified, s.attributes());
    } else if (statement instanceof ProvStatement.Communication s) {
      Resource qualified =
          relation(
              s.informed(),
              "wasInformedBy",
              s.informant(),
              "qualifiedCommunication",
              "Communication",
              s.id());
      qualified.addProperty(prov("activity"), resource(s.informant()));
      attributes(qualified, s.attributes());
    } else if (statement instanceof ProvStatement.Specialization s) {
      resource(s.specific()).addProperty(prov("specializationOf"), resource(s.general()));
    }
  }

  private Resource node(ProvName id, String provClass, List<ProvAttribute> attributes, Resource b) {
    Resource node = resource(id);
    node.addProperty(RDF.type, resource(ProvName.prov(provClass)));
    node.addProperty(resource(ProvName.fab("journey")).as(Property.class), b);
    attributes(node, attributes);
    return node;
  }

  private Resource relation(
      ProvName subject,
      String direct,
      ProvName object,
      String qualifiedProperty,
      String qualifiedClass,
      ProvName id) {
    resource(subject).addProperty(prov(direct), resource(object));
    Resource qualified = resource(id);
    resource(subject).addProperty(prov(qualifiedProperty), qualified);
    qualified.addProperty(RDF.type, resource(ProvName.prov(qualifiedClass)));
    return qualified;
  }

  private void attributes(Resource subject, List<ProvAttribute> attributes) {
    for (ProvAttribute attribute : attributes) {
      Property property;
      if (attribute.key().equals(ProvAttribute.TYPE)) {
        property = RDF.type;
      } else if (attribute.key().equals(ProvAttribute.LABEL)) {
        property = RDFS.label;
      } else if (attribute.key().equals(ProvAttribute.ROLE)) {
        property = prov("hadRole");
      } else {
        property = model.createProperty(uri(attribute.key()));
      }
      subject.addProperty(property, value(attribute.value()));
    }
  }

  private RDFNode value(ProvValue value) {
    if (value instanceof ProvValue.Ref ref) {
      return resource(ref.name());
    } else if (value instanceof ProvValue.Typed typed) {
      return model.createTypedLiteral(
          typed.lexical(),
          TypeMapper.getInstance().getSafeTypeByName(ProvNamespaces.XSD + typed.xsdType()));
    }
    return model.createLiteral(((ProvValue.Text) value).value());
  }

  private Literal dateTime(String iso) {
    return model.createTypedLiteral(
        iso, TypeMapper.getInstance().getSafeTypeByName(ProvNamespaces.XSD + "dateTime"));
  }

  private Property prov(String local) {
    return model.createProperty(ProvNamespaces.PROV, local);
  }

  private Resource resource(ProvName name) {
    return model.createResource(uri(name));
  }

  private String uri(ProvName name) {
    return ProvNamespaces.uri(name.prefix(), elementNamespace) + name.local();
  }
}
