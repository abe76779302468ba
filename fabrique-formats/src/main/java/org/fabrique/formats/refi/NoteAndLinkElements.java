package org.fabrique.formats.refi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fabrique.formats.refi.RefiModel.Link;
import org.fabrique.formats.refi.RefiModel.Note;

/** Reads notes (whose selections, codings and values are only counted) and links. */
final class NoteAndLinkElements {
  private final XmlCursor cursor;
  private final QdeAttributes attributes;

  NoteAndLinkElements(XmlCursor cursor, QdeAttributes attributes) {
    this.cursor = cursor;
    this.attributes = attributes;
  }

  Note note() {
    String location = cursor.location();
    String guid = attributes.guid("Note");
    String name = cursor.attribute("name").orElse("");
    Optional<String> plainTextPath = cursor.attribute("plainTextPath");
    Optional<String> creatingUser = attributes.user(cursor.attribute("creatingUser"));
    Optional<String> created = cursor.attribute("creationDateTime");
    Optional<String> description = Optional.empty();
    Optional<String> content = Optional.empty();
    int selections = 0;
    for (String child : cursor.children()) {
      switch (child) {
        case "Description" -> description = Optional.of(cursor.text());
        case "PlainTextContent" -> content = Optional.of(cursor.text());
        case "PlainTextSelection", "Coding", "NoteRef", "VariableValue" -> {
          selections++;
          cursor.skip();
        }
        default -> cursor.skipUnknown("Note");
      }
    }
    return new Note(
        guid,
        name,
        plainTextPath,
        content,
        description,
        creatingUser,
        created,
        selections,
        location);
  }

  Link link() {
    String location = cursor.location();
    String guid = attributes.guid("Link");
    String name = cursor.attribute("name").orElse("");
    Optional<String> direction = cursor.attribute("direction");
    Optional<String> colour = cursor.attribute("color").flatMap(attributes::colour);
    Optional<String> origin = cursor.attribute("originGUID").map(attributes::reference);
    Optional<String> target = cursor.attribute("targetGUID").map(attributes::reference);
    List<String> noteRefs = new ArrayList<>();
    for (String child : cursor.children()) {
      if (child.equals("NoteRef")) {
        noteRefs.add(attributes.ref("targetGUID"));
      } else {
        cursor.skipUnknown("Link");
      }
    }
    return new Link(guid, name, direction, colour, origin, target, noteRefs, location);
  }
}
