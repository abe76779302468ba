package org.fabrique.store.attribute;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeStore;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.attribute.AttributeValue;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Attribute definitions in table {@code attribute_definitions}, values in {@code attribute_values}
 * (one per attribute and owner). Scopes are stored as {@code case} and {@code source}.
 */
public final class JdbcAttributeStore implements AttributeStore {
  private static final String DEFINITION_COLUMNS =
      "id, inquiry_id, name, attribute_type, scope, description";
  private static final String VALUE_COLUMNS = "attribute_id, owner_id, attribute_value";

  private final Handle handle;

  public JdbcAttributeStore(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insertDefinition(AttributeDefinition definition) {
    handle
        .createUpdate(
            """
            INSERT INTO attribute_definitions (id, inquiry_id, name, attribute_type, scope,
              description)
            VALUES (:id, :inquiryId, :name, :type, :scope, :description)""")
        .bind("id", definition.id().value())
        .bind("inquiryId", definition.inquiryId().value())
        .bind("name", definition.name())
        .bind("type", definition.type().id())
        .bind("scope", scopeId(definition.scope()))
        .bind("description", definition.description())
        .execute();
  }

  @Override
  public void updateDefinition(AttributeDefinition definition) {
    int rows =
        handle
            .createUpdate(
                """
                UPDATE attribute_definitions SET inquiry_id = :inquiryId, name = :name,
                  attribute_type = :type, scope = :scope, description = :description
                WHERE id = :id""")
            .bind("id", definition.id().value())
            .bind("inquiryId", definition.inquiryId().value())
            .bind("name", definition.name())
            .bind("type", definition.type().id())
            .bind("scope", scopeId(definition.scope()))
            .bind("description", definition.description())
            .execute();
    Rows.requireOne(rows, "Attribute " + definition.id());
  }

  @Override
  public void deleteDefinition(AttributeId id) {
    Rows.deleteById(handle, "attribute_definitions", id.value(), "Attribute " + id);
  }

  @Override
  public Optional<AttributeDefinition> findDefinition(AttributeId id) {
    return handle
        .createQuery("SELECT " + DEFINITION_COLUMNS + " FROM attribute_definitions WHERE id = :id")
        .bind("id", id.value())
        .map(JdbcAttributeStore::definition)
        .findOne();
  }

  @Override
  public List<AttributeDefinition> listDefinitions(InquiryId inquiry) {
    return handle
        .createQuery(
            "SELECT "
                + DEFINITION_COLUMNS
                + " FROM attribute_definitions WHERE inquiry_id = :inquiry ORDER BY id")
        .bind("inquiry", inquiry.value())
        .map(JdbcAttributeStore::definition)
        .list();
  }

  /** Inserts the value, or replaces the one the owner already has for this attribute. */
  @Override
  public void putValue(AttributeValue value) {
    handle
        .createUpdate(
            """
            INSERT INTO attribute_values (attribute_id, owner_id, attribute_value)
            VALUES (:attribute, :owner, :value)
            ON CONFLICT (attribute_id, owner_id)
            DO UPDATE SET attribute_value = excluded.attribute_value""")
        .bind("attribute", value.attributeId().value())
        .bind("owner", value.ownerId())
        .bind("value", value.value())
        .execute();
  }

  /** Deletes the value if there is one; clearing a value that is not set does nothing. */
  @Override
  public void deleteValue(AttributeId attribute, long ownerId) {
    handle
        .createUpdate(
            "DELETE FROM attribute_values WHERE attribute_id = :attribute AND owner_id = :owner")
        .bind("attribute", attribute.value())
        .bind("owner", ownerId)
        .execute();
  }

  @Override
  public Optional<AttributeValue> findValue(AttributeId attribute, long ownerId) {
    return handle
        .createQuery(
            "SELECT "
                + VALUE_COLUMNS
                + " FROM attribute_values WHERE attribute_id = :attribute AND owner_id = :owner")
        .bind("attribute", attribute.value())
        .bind("owner", ownerId)
        .map(JdbcAttributeStore::value)
        .findOne();
  }

  @Override
  public List<AttributeValue> valuesOf(AttributeId attribute) {
    return handle
        .createQuery(
            "SELECT "
                + VALUE_COLUMNS
                + " FROM attribute_values WHERE attribute_id = :attribute ORDER BY owner_id")
        .bind("attribute", attribute.value())
        .map(JdbcAttributeStore::value)
        .list();
  }

  @Override
  public List<AttributeValue> valuesOfOwner(long ownerId) {
    return handle
        .createQuery(
            "SELECT "
                + VALUE_COLUMNS
                + " FROM attribute_values WHERE owner_id = :owner ORDER BY attribute_id")
        .bind("owner", ownerId)
        .map(JdbcAttributeStore::value)
        .list();
  }

  private static String scopeId(AttributeScope scope) {
    return switch (scope) {
      case CASE -> "case";
      case SOURCE -> "source";
    };
  }

  private static AttributeScope scope(String id) throws SQLException {
    return switch (id.toLowerCase(Locale.ROOT)) {
      case "case" -> AttributeScope.CASE;
      case "source" -> AttributeScope.SOURCE;
      default -> throw new SQLException("Unknown attribute scope in the database: " + id);
    };
  }

  private static AttributeDefinition definition(ResultSet rs, StatementContext context)
      throws SQLException {
    String type = rs.getString("attribute_type");
    return new AttributeDefinition(
        new AttributeId(rs.getLong("id")),
        new InquiryId(rs.getLong("inquiry_id")),
        rs.getString("name"),
        AttributeType.fromId(type)
            .orElseThrow(() -> new SQLException("Unknown attribute type in the database: " + type)),
        scope(rs.getString("scope")),
        rs.getString("description"));
  }

  private static AttributeValue value(ResultSet rs, StatementContext context) throws SQLException {
    return new AttributeValue(
        new AttributeId(rs.getLong("attribute_id")),
        rs.getLong("owner_id"),
        rs.getString("attribute_value"));
  }
}
