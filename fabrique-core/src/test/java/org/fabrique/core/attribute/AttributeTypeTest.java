package org.fabrique.core.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.fabrique.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class AttributeTypeTest {

  @Test
  void valuesTakeTheirCanonicalForm() {
    assertEquals("42", AttributeType.INTEGER.canonical(" 42 "));
    assertEquals("3.5", AttributeType.DECIMAL.canonical("3,50"));
    assertEquals("true", AttributeType.BOOLEAN.canonical("Oui"));
    assertEquals("2024-03-01", AttributeType.DATE.canonical("2024-03-01"));
    assertEquals("  free text ", AttributeType.TEXT.canonical("  free text "));
  }

  @Test
  void valuesOfTheWrongTypeAreRefusedWithAMessage() {
    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> AttributeType.INTEGER.canonical("forty"));
    assertEquals("\"forty\" is not a valid integer", error.getMessage());
    assertThrows(InvalidInputException.class, () -> AttributeType.DATE.canonical("01/03/2024"));
    assertThrows(InvalidInputException.class, () -> AttributeType.BOOLEAN.canonical("maybe"));
  }
}
