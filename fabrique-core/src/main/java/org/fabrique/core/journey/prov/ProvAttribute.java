package org.fabrique.core.journey.prov;

import java.util.Objects;

/** An attribute of a PROV statement: {@code prov:type}, {@code prov:label}, {@code fab:…}. */
public record ProvAttribute(ProvName key, ProvValue value) {
  public static final ProvName TYPE = ProvName.prov("type");
  public static final ProvName LABEL = ProvName.prov("label");
  public static final ProvName ROLE = ProvName.prov("role");

  public ProvAttribute {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  public static ProvAttribute type(ProvName type) {
    return new ProvAttribute(TYPE, new ProvValue.Ref(type));
  }

  public static ProvAttribute label(String text) {
    return new ProvAttribute(LABEL, new ProvValue.Text(text));
  }

  public static ProvAttribute role(ProvName role) {
    return new ProvAttribute(ROLE, new ProvValue.Ref(role));
  }
}
