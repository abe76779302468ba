package org.fabrique.core.analysis;

import java.util.Optional;
import org.fabrique.core.attribute.AttributeId;

/** What the columns of a code matrix are. */
public sealed interface MatrixColumns {
  /** One column per source. */
  record Sources() implements MatrixColumns {}

  /** One column per case. */
  record Cases() implements MatrixColumns {}

  /** One column per value of an attribute of sources or of cases. */
  record AttributeValues(AttributeId attributeId) implements MatrixColumns {}

  static MatrixColumns sources() {
    return new Sources();
  }

  static MatrixColumns cases() {
    return new Cases();
  }

  static MatrixColumns attribute(AttributeId attribute) {
    return new AttributeValues(attribute);
  }

  /** The attribute of the columns, if they are attribute values. */
  default Optional<AttributeId> attribute() {
    return this instanceof AttributeValues values
        ? Optional.of(values.attributeId())
        : Optional.empty();
  }
}
