package org.fabrique.formats.refi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fabrique.formats.refi.RefiModel.Code;

/** Reads what a codebook holds, in a project or on its own: codes and sets. */
final class CodebookElements {
  private final XmlCursor cursor;
  private final QdeAttributes attributes;

  CodebookElements(XmlCursor cursor, QdeAttributes attributes) {
    this.cursor = cursor;
    this.attributes = attributes;
  }

  /** Reads a Code element and the codes under it. */
  Code code() {
    String location = cursor.location();
    String guid = attributes.guid("Code");
    String name = cursor.attribute("name").orElse("");
    boolean codable =
        cursor.attribute("isCodable").map(v -> !v.strip().equalsIgnoreCase("false")).orElse(true);
    Optional<String> colour = cursor.attribute("color").flatMap(attributes::colour);
    Optional<String> description = Optional.empty();
    List<String> noteRefs = new ArrayList<>();
    List<Code> children = new ArrayList<>();
    for (String child : cursor.children()) {
      switch (child) {
        case "Description" -> description = Optional.of(cursor.text());
        case "NoteRef" -> noteRefs.add(attributes.ref("targetGUID"));
        case "Code" -> children.add(code());
        default -> cursor.skipUnknown("Code");
      }
    }
    return new Code(guid, name, codable, colour, description, noteRefs, children, location);
  }

  RefiModel.Set set() {
    String location = cursor.location();
    String guid = attributes.guid("Set");
    String name = cursor.attribute("name").orElse("");
    Optional<String> description = Optional.empty();
    List<String> codes = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String child : cursor.children()) {
      switch (child) {
        case "Description" -> description = Optional.of(cursor.text());
        // the project schema says targetGUID, the codebook schema says guid
        case "MemberCode" -> codes.add(memberRef());
        case "MemberSource" -> sources.add(memberRef());
        case "MemberNote" -> notes.add(memberRef());
        default -> cursor.skipUnknown("Set");
      }
    }
    return new RefiModel.Set(guid, name, description, codes, sources, notes, location);
  }

  private String memberRef() {
    Optional<String> target = cursor.attribute("targetGUID").or(() -> cursor.attribute("guid"));
    String value = target.map(attributes::reference).orElse("");
    cursor.skip();
    return value;
  }
}
