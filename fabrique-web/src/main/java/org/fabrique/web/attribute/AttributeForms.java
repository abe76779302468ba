package org.fabrique.web.attribute;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeService;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.attribute.AttributeValue;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.UserId;

/**
 * The attribute fields of the case and source forms: one field {@code attr-ID} per attribute of the
 * scope. Every value is checked before any is saved.
 */
public final class AttributeForms {
  private AttributeForms() {}

  /** An attribute with the owner's current value (empty when unset), for a form. */
  public record Field(AttributeDefinition definition, String value) {
    public String name() {
      return "attr-" + definition.id().value();
    }

    public boolean isBoolean() {
      return definition.type() == AttributeType.BOOLEAN;
    }

    /** The HTML input type for this attribute. */
    public String inputType() {
      return switch (definition.type()) {
        case INTEGER -> "number";
        case DATE -> "date";
        default -> "text";
      };
    }

    public String inputMode() {
      return definition.type() == AttributeType.DECIMAL ? "decimal" : "";
    }
  }

  public static List<Field> fields(
      AttributeService attributes, InquiryId inquiry, AttributeScope scope, long ownerId) {
    Map<Long, AttributeValue> values =
        attributes.valuesOf(ownerId).stream()
            .collect(Collectors.toMap(v -> v.attributeId().value(), Function.identity()));
    return attributes.definitions(inquiry).stream()
        .filter(d -> d.scope() == scope)
        .map(
            d ->
                new Field(
                    d,
                    Optional.ofNullable(values.get(d.id().value()))
                        .map(AttributeValue::value)
                        .orElse("")))
        .toList();
  }

  /** Saves the attribute fields of a submitted form that changed. */
  public static void save(
      Context ctx,
      AttributeService attributes,
      UserId user,
      InquiryId inquiry,
      AttributeScope scope,
      long ownerId) {
    List<Field> fields = fields(attributes, inquiry, scope, ownerId);
    List<Field> changed = new ArrayList<>();
    for (Field field : fields) {
      String submitted = ctx.formParam(field.name());
      if (submitted == null) {
        continue;
      }
      String value = submitted.isBlank() ? "" : field.definition().type().canonical(submitted);
      if (!value.equals(field.value())) {
        changed.add(new Field(field.definition(), value));
      }
    }
    for (Field field : changed) {
      attributes.setValue(user, field.definition().id(), ownerId, field.value());
    }
  }
}
