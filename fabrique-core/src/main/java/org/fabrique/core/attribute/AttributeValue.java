package org.fabrique.core.attribute;

/**
 * The value of an attribute for one case or source, in the canonical text form of its type.
 *
 * @param ownerId the id of the case or source (by the attribute's scope)
 */
public record AttributeValue(AttributeId attributeId, long ownerId, String value) {}
