package org.fabrique.formats.refi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.fabrique.core.error.Problem;
import org.fabrique.formats.refi.RefiModel.Coding;
import org.fabrique.formats.refi.RefiModel.Selection;
import org.fabrique.formats.refi.RefiModel.Source;
import org.fabrique.formats.refi.RefiModel.SourceKind;
import org.fabrique.formats.refi.RefiModel.Value;

/**
 * Reads sources of every kind, their text selections and codings; other selections (areas, media
 * spans, transcripts) are only counted.
 */
final class SourceElements {
  private final XmlCursor cursor;
  private final QdeAttributes attributes;
  private final List<Problem> problems;

  /** Reads a VariableValue element, as cases do. */
  private final Supplier<Value> value;

  SourceElements(
      XmlCursor cursor, QdeAttributes attributes, List<Problem> problems, Supplier<Value> value) {
    this.cursor = cursor;
    this.attributes = attributes;
    this.problems = problems;
    this.value = value;
  }

  /** Reads the children of a Sources element into the list. */
  void sources(List<Source> sources) {
    for (String child : cursor.children()) {
      switch (child) {
        case "TextSource" -> sources.add(source(SourceKind.TEXT));
        case "PDFSource" -> sources.add(source(SourceKind.PDF));
        case "PictureSource" -> sources.add(source(SourceKind.PICTURE));
        case "AudioSource" -> sources.add(source(SourceKind.AUDIO));
        case "VideoSource" -> sources.add(source(SourceKind.VIDEO));
        default -> cursor.skipUnknown("Sources");
      }
    }
  }

  private Source source(SourceKind kind) {
    String location = cursor.location();
    String guid = attributes.guid(kind.element());
    String name = cursor.attribute("name").orElse("");
    Optional<String> plainTextPath = cursor.attribute("plainTextPath");
    Optional<String> originalPath =
        kind == SourceKind.TEXT ? cursor.attribute("richTextPath") : cursor.attribute("path");
    Optional<String> creatingUser = attributes.user(cursor.attribute("creatingUser"));
    Optional<String> created = cursor.attribute("creationDateTime");
    Optional<String> description = Optional.empty();
    Optional<String> content = Optional.empty();
    List<Selection> selections = new ArrayList<>();
    List<Coding> codings = new ArrayList<>();
    List<String> noteRefs = new ArrayList<>();
    List<Value> values = new ArrayList<>();
    int others = 0;
    int otherCodings = 0;
    for (String child : cursor.children()) {
      switch (child) {
        case "Description" -> description = Optional.of(cursor.text());
        case "PlainTextContent" -> content = Optional.of(cursor.text());
        case "PlainTextSelection" -> selections.add(selection());
        case "Coding" -> codings.add(coding());
        case "NoteRef" -> noteRefs.add(attributes.ref("targetGUID"));
        case "VariableValue" -> values.add(value.get());
        case "Representation", "TextDescription" -> {
          // the text of a PDF (or the description of a picture) is a text source of its own
          Source text = source(SourceKind.TEXT);
          if (plainTextPath.isEmpty() && content.isEmpty()) {
            plainTextPath = text.plainTextPath();
            content = text.plainTextContent();
            selections.addAll(text.selections());
            codings.addAll(text.codings());
          }
        }
        case "PictureSelection",
            "PDFSelection",
            "AudioSelection",
            "VideoSelection",
            "Transcript" -> {
          others++;
          otherCodings += codingsWithin();
        }
        default -> cursor.skipUnknown(kind.element());
      }
    }
    return new Source(
        kind,
        guid,
        name,
        plainTextPath,
        content,
        originalPath,
        description,
        selections,
        codings,
        noteRefs,
        values,
        creatingUser,
        created,
        others,
        otherCodings,
        location);
  }

  /** Walks past the current element, counting the Coding elements within it. */
  private int codingsWithin() {
    int codings = 0;
    for (String child : cursor.children()) {
      codings += child.equals("Coding") ? 1 + codingsWithin() : codingsWithin();
    }
    return codings;
  }

  private Selection selection() {
    String location = cursor.location();
    String guid = attributes.guid("PlainTextSelection");
    Optional<String> name = cursor.attribute("name");
    long start = position("startPosition");
    long end = position("endPosition");
    Optional<String> creatingUser = attributes.user(cursor.attribute("creatingUser"));
    Optional<String> created = cursor.attribute("creationDateTime");
    Optional<String> description = Optional.empty();
    List<Coding> codings = new ArrayList<>();
    List<String> noteRefs = new ArrayList<>();
    for (String child : cursor.children()) {
      switch (child) {
        case "Description" -> description = Optional.of(cursor.text());
        case "Coding" -> codings.add(coding());
        case "NoteRef" -> noteRefs.add(attributes.ref("targetGUID"));
        default -> cursor.skipUnknown("PlainTextSelection");
      }
    }
    return new Selection(
        guid, name, start, end, description, codings, noteRefs, creatingUser, created, location);
  }

  private long position(String attribute) {
    String value = cursor.attribute(attribute).orElse("").strip();
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      problems.add(
          Problem.error(
              cursor.location(),
              "The selection's " + attribute + " \"" + value + "\" is not a number"));
      return -1;
    }
  }

  private Coding coding() {
    String location = cursor.location();
    String guid = attributes.guid("Coding");
    Optional<String> creatingUser = attributes.user(cursor.attribute("creatingUser"));
    Optional<String> created = cursor.attribute("creationDateTime");
    String code = "";
    List<String> noteRefs = new ArrayList<>();
    for (String child : cursor.children()) {
      switch (child) {
        case "CodeRef" -> code = attributes.ref("targetGUID");
        case "NoteRef" -> noteRefs.add(attributes.ref("targetGUID"));
        default -> cursor.skipUnknown("Coding");
      }
    }
    return new Coding(guid, code, creatingUser, created, noteRefs, location);
  }
}
