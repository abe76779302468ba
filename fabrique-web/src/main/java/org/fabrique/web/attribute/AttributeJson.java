package org.fabrique.web.attribute;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeValue;

/** The JSON of attributes. */
public final class AttributeJson {
  private AttributeJson() {}

  /** An attribute definition. */
  public record DefinitionOut(
      long id, long inquiryId, String name, String type, String scope, String description) {
    public static DefinitionOut of(AttributeDefinition d) {
      return new DefinitionOut(
          d.id().value(),
          d.inquiryId().value(),
          d.name(),
          d.type().id(),
          d.scope().name().toLowerCase(java.util.Locale.ROOT),
          d.description());
    }
  }

  /**
   * What defines an attribute: type is text, integer, decimal, boolean or date; scope case or
   * source.
   */
  public record DefinitionIn(String name, String type, String scope, String description) {}

  /** The value of one attribute for one case or source. */
  public record ValueOut(long attributeId, String name, String type, String value) {}

  /** A value to set; null or blank clears it. */
  public record ValueIn(String value) {}

  /**
   * The values of an owner, with the names of their attributes, in the order of the definitions.
   */
  public static List<ValueOut> valuesOf(
      List<AttributeDefinition> definitions, List<AttributeValue> values) {
    Map<Long, AttributeValue> byId =
        values.stream()
            .collect(Collectors.toMap(v -> v.attributeId().value(), Function.identity()));
    return definitions.stream()
        .filter(d -> byId.containsKey(d.id().value()))
        .map(
            d ->
                new ValueOut(
                    d.id().value(), d.name(), d.type().id(), byId.get(d.id().value()).value()))
        .toList();
  }
}
