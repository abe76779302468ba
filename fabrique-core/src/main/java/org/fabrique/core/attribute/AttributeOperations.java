package org.fabrique.core.attribute;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.Require;
import org.fabrique.core.store.Transaction;

/** The operations on attributes and their values. */
public final class AttributeOperations {
  public static final List<Map.Entry<String, Class<? extends Operation>>> TYPES =
      List.of(
          Map.entry("attribute.define", DefineAttribute.class),
          Map.entry("attribute.update", UpdateAttribute.class),
          Map.entry("attribute.delete", DeleteAttribute.class),
          Map.entry("attribute.restore", RestoreAttribute.class),
          Map.entry("attribute.set-value", SetAttributeValue.class));

  private AttributeOperations() {}

  /** Defines a new attribute. */
  public record DefineAttribute(AttributeDefinition definition) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      tx.attributes().insertDefinition(definition);
      return new DeleteAttribute(definition.id());
    }

    @Override
    public String describe() {
      return "Defined attribute " + definition.name();
    }
  }

  /** Renames or describes an attribute (its type and scope do not change). */
  public record UpdateAttribute(AttributeDefinition definition) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      AttributeDefinition before =
          Require.present(
              tx.attributes().findDefinition(definition.id()), "Attribute " + definition.id());
      Require.state(
          before.type() == definition.type() && before.scope() == definition.scope(),
          "The type and scope of an attribute cannot change");
      tx.attributes().updateDefinition(definition);
      return new UpdateAttribute(before);
    }

    @Override
    public String describe() {
      return "Changed attribute " + definition.name();
    }
  }

  /** Deletes an attribute and its values. */
  public record DeleteAttribute(AttributeId attributeId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      AttributeDefinition before =
          Require.present(tx.attributes().findDefinition(attributeId), "Attribute " + attributeId);
      List<AttributeValue> values = tx.attributes().valuesOf(attributeId);
      values.forEach(v -> tx.attributes().deleteValue(attributeId, v.ownerId()));
      tx.attributes().deleteDefinition(attributeId);
      return new RestoreAttribute(before, values);
    }

    @Override
    public String describe() {
      return "Deleted attribute " + attributeId;
    }
  }

  /** Puts back a deleted attribute with its values. */
  public record RestoreAttribute(AttributeDefinition definition, List<AttributeValue> values)
      implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      tx.attributes().insertDefinition(definition);
      values.forEach(tx.attributes()::putValue);
      return new DeleteAttribute(definition.id());
    }

    @Override
    public String describe() {
      return "Restored attribute " + definition.name();
    }
  }

  /** Sets (or, when empty, clears) the value of an attribute for a case or a source. */
  public record SetAttributeValue(AttributeId attributeId, long ownerId, Optional<String> value)
      implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      AttributeDefinition definition =
          Require.present(tx.attributes().findDefinition(attributeId), "Attribute " + attributeId);
      Optional<String> before =
          tx.attributes().findValue(attributeId, ownerId).map(AttributeValue::value);
      if (value.isPresent()) {
        tx.attributes()
            .putValue(
                new AttributeValue(attributeId, ownerId, definition.type().canonical(value.get())));
      } else {
        tx.attributes().deleteValue(attributeId, ownerId);
      }
      return new SetAttributeValue(attributeId, ownerId, before);
    }

    @Override
    public String describe() {
      return "Set attribute " + attributeId + " of item " + ownerId;
    }
  }
}
