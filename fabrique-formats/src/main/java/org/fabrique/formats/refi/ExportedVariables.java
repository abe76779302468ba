package org.fabrique.formats.refi;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.attribute.AttributeValue;
import org.fabrique.core.error.Problem;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.memo.ItemKind;

/** Attribute definitions grouped by name and type into REFI variables, and the values of items. */
final class ExportedVariables {
  private final ProjectXml project;
  private final Map<AttributeId, String> guidOf = new HashMap<>();
  private final Map<AttributeId, AttributeDefinition> definitions = new HashMap<>();
  private final Map<String, AttributeDefinition> variables = new LinkedHashMap<>();
  private final boolean domains;

  ExportedVariables(ProjectXml project) {
    this.project = project;
    for (AttributeDefinition definition :
        project.tx().attributes().listDefinitions(project.inquiry())) {
      definitions.put(definition.id(), definition);
      String key = definition.name().toLowerCase(Locale.ROOT) + "\u0000" + definition.type();
      AttributeDefinition first = variables.putIfAbsent(key, definition);
      guidOf.put(
          definition.id(),
          project.guid(ItemKind.ATTRIBUTE, (first == null ? definition : first).id().value()));
    }
    domains =
        project.tx().inquiries().listCases(project.inquiry()).stream()
            .anyMatch(c -> c.domain() != Domain.OTHER);
  }

  /** The Variables element, with the variable carrying case domains when a case has one. */
  void write() {
    if (variables.isEmpty() && !domains) {
      return;
    }
    XmlOut xml = project.xml();
    xml.start("Variables");
    for (AttributeDefinition definition : variables.values()) {
      xml.start("Variable");
      xml.attribute("guid", guidOf.get(definition.id()));
      xml.attribute("name", project.free(definition.name()));
      xml.attribute("typeOfVariable", typeName(definition.type()));
      project.description(project.free(definition.description()));
      xml.end();
      project.count("variables");
    }
    if (domains) {
      xml.start("Variable");
      xml.attribute("guid", ExportGuids.named("domain-variable"));
      xml.attribute("name", VariableMapping.DOMAIN_VARIABLE);
      xml.attribute("typeOfVariable", "Text");
      xml.element("Description", "The domain of the case, as Fabrique names it");
      xml.end();
      project.report(
          Problem.warning(
              "Variables",
              "Case domains have no place in REFI-QDA; they are carried by the variable \""
                  + VariableMapping.DOMAIN_VARIABLE
                  + "\""));
    }
    xml.end();
  }

  /** The VariableValue elements of a case or a source, with the domain of a case. */
  void values(long owner, Optional<Domain> domain) {
    XmlOut xml = project.xml();
    for (AttributeValue value : project.tx().attributes().valuesOfOwner(owner)) {
      AttributeDefinition definition = definitions.get(value.attributeId());
      if (definition == null) {
        continue;
      }
      xml.start("VariableValue");
      xml.ref("VariableRef", "targetGUID", guidOf.get(definition.id()));
      // Text values go out redacted; numbers, dates and booleans keep their form.
      xml.element(
          typeName(definition.type()) + "Value",
          definition.type() == AttributeType.TEXT ? project.free(value.value()) : value.value());
      xml.end();
      project.count("attribute values");
    }
    domain
        .filter(d -> d != Domain.OTHER)
        .ifPresent(
            d -> {
              xml.start("VariableValue");
              xml.ref("VariableRef", "targetGUID", ExportGuids.named("domain-variable"));
              xml.element("TextValue", d.id());
              xml.end();
            });
  }

  /** The REFI type of a variable, which also names the element of its values (TextValue…). */
  private static String typeName(AttributeType type) {
    return switch (type) {
      case TEXT -> "Text";
      case INTEGER -> "Integer";
      case DECIMAL -> "Float";
      case BOOLEAN -> "Boolean";
      case DATE -> "Date";
    };
  }
}
