package org.fabrique.formats.prov;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.datatype.XMLGregorianCalendar;
import org.fabrique.core.journey.prov.ProvAttribute;
import org.fabrique.core.journey.prov.ProvName;
import org.fabrique.core.journey.prov.ProvNamespaces;
import org.fabrique.core.journey.prov.ProvStatement;
import org.fabrique.core.journey.prov.ProvValue;
import org.openprovenance.prov.model.Attribute;
import org.openprovenance.prov.model.Document;
import org.openprovenance.prov.model.Name;
import org.openprovenance.prov.model.Namespace;
import org.openprovenance.prov.model.ProvFactory;
import org.openprovenance.prov.model.QualifiedName;
import org.openprovenance.prov.model.Statement;

/**
 * Turns a {@link ProvGraph} into a ProvToolbox document, which ProvToolbox serialises as PROV-N,
 * PROV-JSON and PROV-JSONLD: one statement for each statement of the graph.
 */
final class ProvToolboxDocuments {
  private final ProvFactory factory;
  private final Name name;
  private final Namespace namespace = new Namespace();
  private String elementNamespace;

  ProvToolboxDocuments(ProvFactory factory) {
    this.factory = factory;
    this.name = factory.getName();
  }

  Document document(ProvGraph graph) {
    elementNamespace = graph.elementNamespace();
    namespace.addKnownNamespaces();
    namespace.register(ProvNamespaces.FAB_PREFIX, ProvNamespaces.FAB);
    namespace.register(ProvNamespaces.OA_PREFIX, ProvNamespaces.OA);
    namespace.register(ProvNamespaces.DPV_PREFIX, ProvNamespaces.DPV);
    namespace.register(ProvNamespaces.ELEMENT_PREFIX, elementNamespace);
    Document document = factory.newDocument();
    document.setNamespace(namespace);
    for (Map.Entry<String, List<ProvStatement>> bundle : graph.bundles().entrySet()) {
      List<Statement> statements = new ArrayList<>();
      bundle.getValue().forEach(s -> statements.add(statement(s)));
      document
          .getStatementOrBundle()
          .add(
              factory.newNamedBundle(
                  qualified(ProvName.element(bundle.getKey())),
                  new Namespace(namespace),
                  statements));
    }
    return document;
  }

  private Statement statement(ProvStatement statement) {
    if (statement instanceof ProvStatement.Entity s) {
      return factory.newEntity(qualified(s.id()), attributes(s.attributes()));
    } else if (statement instanceof ProvStatement.Activity s) {
      return factory.newActivity(
          qualified(s.id()),
          s.start().map(t -> time(t.toString())).orElse(null),
          s.end().map(t -> time(t.toString())).orElse(null),
          attributes(s.attributes()));
    } else if (statement instanceof ProvStatement.Agent s) {
      return factory.newAgent(qualified(s.id()), attributes(s.attributes()));
    } else if (statement instanceof ProvStatement.Usage s) {
      return factory.newUsed(
          qualified(s.id()),
          qualified(s.activity()),
          qualified(s.entity()),
          s.time().map(t -> time(t.toString())).orElse(null),
          attributes(s.attributes()));
    } else if (statement instanceof ProvStatement.Generation s) {
      return factory.newWasGeneratedBy(
          qualified(s.id()),
          qualified(s.entity()),
          qualified(s.activity()),
          s.time().map(t -> time(t.toString())).orElse(null),
          attributes(s.attributes()));
    } else if (statement instanceof ProvStatement.Derivation s) {
      return factory.newWasDerivedFrom(
          qualified(s.id()),
          qualified(s.generated()),
          qualified(s.used()),
          s.activity().map(this::qualified).orElse(null),
          null,
          null,
          attributes(s.attributes()));
    } else if (statement instanceof ProvStatement.Association s) {
      return factory.newWasAssociatedWith(
          qualified(s.id()),
          qualified(s.activity()),
          s.agent().map(this::qualified).orElse(null),
          s.plan().map(this::qualified).orElse(null),
          attributes(s.attributes()));
    } else if (statement instanceof ProvStatement.Attribution s) {
      return factory.newWasAttributedTo(
          qualified(s.id()),
          qualified(s.entity()),
          qualified(s.agent()),
          attributes(s.attributes()));
    } else if (statement instanceof ProvStatement.Influence s) {
      return factory.newWasInfluencedBy(
          qualified(s.id()),
          qualified(s.influencee()),
          qualified(s.influencer()),
          attributes(s.attributes()));
    } else if (statement instanceof ProvStatement.Communication s) {
      return factory.newWasInformedBy(
          qualified(s.id()),
          qualified(s.informed()),
          qualified(s.informant()),
          attributes(s.attributes()));
    }
    ProvStatement.Specialization s = (ProvStatement.Specialization) statement;
    return factory.newSpecializationOf(qualified(s.specific()), qualified(s.general()));
  }

  /** ProvToolbox adds to the lists it is given: the list must be mutable. */
  private List<Attribute> attributes(List<ProvAttribute> attributes) {
    List<Attribute> out = new ArrayList<>();
    for (ProvAttribute attribute : attributes) {
      Object value;
      QualifiedName type;
      if (attribute.value() instanceof ProvValue.Ref ref) {
        value = qualified(ref.name());
        type = name.PROV_QUALIFIED_NAME;
      } else if (attribute.value() instanceof ProvValue.Typed typed) {
        value = typed.lexical();
        type = factory.newQualifiedName(ProvNamespaces.XSD, typed.xsdType(), "xsd");
      } else {
        value = ((ProvValue.Text) attribute.value()).value();
        type = name.XSD_STRING;
      }
      ProvName key = attribute.key();
      if (key.equals(ProvAttribute.TYPE)) {
        out.add(factory.newType(value, type));
      } else if (key.equals(ProvAttribute.LABEL)) {
        out.add(factory.newLabel(value, type));
      } else if (key.equals(ProvAttribute.ROLE)) {
        out.add(factory.newRole(value, type));
      } else {
        out.add(factory.newOther(qualified(key), value, type));
      }
    }
    return out;
  }

  QualifiedName qualified(ProvName provName) {
    return factory.newQualifiedName(
        ProvNamespaces.uri(provName.prefix(), elementNamespace),
        provName.local(),
        provName.prefix());
  }

  private XMLGregorianCalendar time(String iso) {
    return factory.newISOTime(iso);
  }
}
