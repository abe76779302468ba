package org.fabrique.core.journey.prov;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** The value of a PROV attribute: text, a typed literal or a reference to a qualified name. */
public sealed interface ProvValue {

  /** A plain string ({@code xsd:string}). */
  record Text(String value) implements ProvValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A literal of an XML Schema datatype (its local name, such as {@code dateTime} or {@code int}).
   */
  record Typed(String lexical, String xsdType) implements ProvValue {
    public Typed {
      Objects.requireNonNull(lexical, "lexical");
      Objects.requireNonNull(xsdType, "xsdType");
    }
  }

  /** A qualified name (a type, a role, another element). */
  record Ref(ProvName name) implements ProvValue {
    public Ref {
      Objects.requireNonNull(name, "name");
    }
  }

  static ProvValue text(String value) {
    return new Text(value);
  }

  static ProvValue integer(long value) {
    return new Typed(Long.toString(value), "long");
  }

  static ProvValue date(LocalDate value) {
    return new Typed(value.toString(), "date");
  }

  static ProvValue dateTime(Instant value) {
    return new Typed(value.toString(), "dateTime");
  }

  static ProvValue ref(ProvName name) {
    return new Ref(name);
  }
}
