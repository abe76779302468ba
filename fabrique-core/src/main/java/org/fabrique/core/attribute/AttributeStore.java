package org.fabrique.core.attribute;

import java.util.List;
import java.util.Optional;
import org.fabrique.core.inquiry.InquiryId;

/** Where attribute definitions and values are kept. */
public interface AttributeStore {
  void insertDefinition(AttributeDefinition definition);

  void updateDefinition(AttributeDefinition definition);

  void deleteDefinition(AttributeId id);

  Optional<AttributeDefinition> findDefinition(AttributeId id);

  List<AttributeDefinition> listDefinitions(InquiryId inquiry);

  void putValue(AttributeValue value);

  void deleteValue(AttributeId attribute, long ownerId);

  Optional<AttributeValue> findValue(AttributeId attribute, long ownerId);

  List<AttributeValue> valuesOf(AttributeId attribute);

  List<AttributeValue> valuesOfOwner(long ownerId);
}
