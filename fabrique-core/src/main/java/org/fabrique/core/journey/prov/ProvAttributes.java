package org.fabrique.core.journey.prov;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds the attribute list of a statement; empty text values are left out. */
public final class ProvAttributes {
  private final List<ProvAttribute> attributes = new ArrayList<>();

  private ProvAttributes() {}

  public static ProvAttributes of() {
    return new ProvAttributes();
  }

  public ProvAttributes add(ProvName key, ProvValue value) {
    attributes.add(new ProvAttribute(key, value));
    return this;
  }

  public ProvAttributes type(ProvName type) {
    return add(ProvAttribute.TYPE, new ProvValue.Ref(type));
  }

  /** A {@code prov:type} in Fabrique's namespace. */
  public ProvAttributes fabType(String local) {
    return type(ProvName.fab(local));
  }

  public ProvAttributes label(String text) {
    return text.isEmpty() ? this : add(ProvAttribute.LABEL, new ProvValue.Text(text));
  }

  public ProvAttributes role(ProvName role) {
    return add(ProvAttribute.ROLE, new ProvValue.Ref(role));
  }

  /** {@code fab:local} as text, unless the text is empty. */
  public ProvAttributes text(String local, String value) {
    return value == null || value.isEmpty()
        ? this
        : add(ProvName.fab(local), ProvValue.text(value));
  }

  /** {@code fab:local} referring to a qualified name. */
  public ProvAttributes ref(String local, ProvName value) {
    return add(ProvName.fab(local), ProvValue.ref(value));
  }

  public ProvAttributes date(String local, LocalDate value) {
    return add(ProvName.fab(local), ProvValue.date(value));
  }

  public ProvAttributes dateTime(String local, Instant value) {
    return add(ProvName.fab(local), ProvValue.dateTime(value));
  }

  public ProvAttributes integer(ProvName key, long value) {
    return add(key, ProvValue.integer(value));
  }

  public List<ProvAttribute> list() {
    return List.copyOf(attributes);
  }
}
