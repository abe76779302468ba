package org.fabrique.core.attribute;

import java.util.List;
import java.util.Optional;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.history.History;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.Names;
import org.fabrique.core.store.Store;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.UserId;

/** Typed attributes of cases and sources. */
public final class AttributeService {
  private final Store store;
  private final History history;

  public AttributeService(Store store, History history) {
    this.store = store;
    this.history = history;
  }

  public AttributeDefinition define(
      InquiryId inquiry,
      UserId user,
      String name,
      AttributeType type,
      AttributeScope scope,
      String description) {
    String trimmed = Names.required(name, "An attribute");
    return store.inTransaction(
        tx -> {
          boolean taken =
              tx.attributes().listDefinitions(inquiry).stream()
                  .anyMatch(d -> d.scope() == scope && d.name().equalsIgnoreCase(trimmed));
          if (taken) {
            throw new ConflictException("There is already an attribute named " + trimmed);
          }
          AttributeDefinition definition =
              new AttributeDefinition(
                  new AttributeId(tx.newId()),
                  inquiry,
                  trimmed,
                  type,
                  scope,
                  Names.optional(description));
          history.apply(tx, inquiry, user, new AttributeOperations.DefineAttribute(definition));
          return definition;
        });
  }

  public void delete(UserId user, AttributeId id) {
    AttributeDefinition definition = get(id);
    history.apply(definition.inquiryId(), user, new AttributeOperations.DeleteAttribute(id));
  }

  /**
   * Sets the value of an attribute for a case or source; a blank value clears it.
   *
   * @throws InvalidInputException when the value is not of the attribute's type, or the owner is
   *     not of the attribute's scope
   */
  public void setValue(UserId user, AttributeId id, long ownerId, String value) {
    AttributeDefinition definition = get(id);
    store.inTransaction(
        tx -> {
          checkOwner(tx, definition, ownerId);
          Optional<String> canonical =
              value == null || value.isBlank()
                  ? Optional.empty()
                  : Optional.of(definition.type().canonical(value));
          history.apply(
              tx,
              definition.inquiryId(),
              user,
              new AttributeOperations.SetAttributeValue(id, ownerId, canonical));
          return null;
        });
  }

  private static void checkOwner(Transaction tx, AttributeDefinition definition, long ownerId) {
    boolean found =
        switch (definition.scope()) {
          case CASE ->
              tx.inquiries()
                  .findCase(new CaseId(ownerId))
                  .filter(c -> c.inquiryId().equals(definition.inquiryId()))
                  .isPresent();
          case SOURCE ->
              tx.corpus()
                  .findSource(new SourceId(ownerId))
                  .filter(s -> s.inquiryId().equals(definition.inquiryId()))
                  .isPresent();
        };
    if (!found) {
      throw new InvalidInputException(
          "The attribute "
              + definition.name()
              + " describes "
              + (definition.scope() == AttributeScope.CASE ? "cases" : "sources")
              + " of its inquiry; item "
              + ownerId
              + " is not one");
    }
  }

  public AttributeDefinition get(AttributeId id) {
    return store.inTransaction(
        tx ->
            tx.attributes()
                .findDefinition(id)
                .orElseThrow(() -> new NotFoundException("There is no attribute " + id)));
  }

  public List<AttributeDefinition> definitions(InquiryId inquiry) {
    return store.inTransaction(tx -> tx.attributes().listDefinitions(inquiry));
  }

  public List<AttributeValue> valuesOf(long ownerId) {
    return store.inTransaction(tx -> tx.attributes().valuesOfOwner(ownerId));
  }

  public List<AttributeValue> values(AttributeId id) {
    return store.inTransaction(tx -> tx.attributes().valuesOf(id));
  }
}
