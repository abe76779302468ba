package org.fabrique.core.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Some fields of a code: those a change sets, or the values they had. An empty field is not part of
 * the change and is left as it is, so that two users changing different fields of one code at once
 * both keep their change (decision 0021).
 */
public record CodeChange(
    Optional<String> name,
    Optional<String> colour,
    Optional<String> description,
    Optional<Boolean> codable,
    Optional<CodePlace> place) {

  /** A change of nothing, to add fields to. */
  public static CodeChange none() {
    return new CodeChange(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public CodeChange withName(String value) {
    return new CodeChange(Optional.of(value), colour, description, codable, place);
  }

  public CodeChange withColour(String value) {
    return new CodeChange(name, Optional.of(value), description, codable, place);
  }

  public CodeChange withDescription(String value) {
    return new CodeChange(name, colour, Optional.of(value), codable, place);
  }

  public CodeChange withCodable(boolean value) {
    return new CodeChange(name, colour, description, Optional.of(value), place);
  }

  public CodeChange withPlace(CodePlace value) {
    return new CodeChange(name, colour, description, codable, Optional.of(value));
  }

  /** Whether no field is set. */
  public boolean setsNothing() {
    return fields().isEmpty();
  }

  /** The names of the fields set, in a fixed order: name, colour, description, codable, place. */
  public List<String> fields() {
    List<String> fields = new ArrayList<>();
    name.ifPresent(v -> fields.add("name"));
    colour.ifPresent(v -> fields.add("colour"));
    description.ifPresent(v -> fields.add("description"));
    codable.ifPresent(v -> fields.add("codable"));
    place.ifPresent(v -> fields.add("place"));
    return fields;
  }

  /** The values that the code has now in the fields this change sets. */
  public CodeChange currentIn(Code code) {
    CodeChange current = none();
    if (name.isPresent()) {
      current = current.withName(code.name());
    }
    if (colour.isPresent()) {
      current = current.withColour(code.colour());
    }
    if (description.isPresent()) {
      current = current.withDescription(code.description());
    }
    if (codable.isPresent()) {
      current = current.withCodable(code.codable());
    }
    if (place.isPresent()) {
      current = current.withPlace(CodePlace.of(code));
    }
    return current;
  }

  /** Only the fields this change sets to a value the code does not have already. */
  public CodeChange differingFrom(Code code) {
    return new CodeChange(
        name.filter(v -> !v.equals(code.name())),
        colour.filter(v -> !v.equals(code.colour())),
        description.filter(v -> !v.equals(code.description())),
        codable.filter(v -> v != code.codable()),
        place.filter(v -> !v.equals(CodePlace.of(code))));
  }

  /** Only the named fields of this change. */
  public CodeChange only(List<String> kept) {
    return new CodeChange(
        name.filter(v -> kept.contains("name")),
        colour.filter(v -> kept.contains("colour")),
        description.filter(v -> kept.contains("description")),
        codable.filter(v -> kept.contains("codable")),
        place.filter(v -> kept.contains("place")));
  }

  /** The code with this change made. */
  public Code appliedTo(Code code) {
    CodePlace at = place.orElse(CodePlace.of(code));
    return new Code(
        code.id(),
        code.inquiryId(),
        at.parentId(),
        name.orElse(code.name()),
        colour.orElse(code.colour()),
        description.orElse(code.description()),
        codable.orElse(code.codable()),
        at.position());
  }
}
