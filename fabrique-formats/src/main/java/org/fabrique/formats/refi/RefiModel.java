package org.fabrique.formats.refi;

import java.util.List;
import java.util.Optional;

/**
 * What a REFI-QDA project or codebook says, as read from its XML, before it becomes an inquiry.
 * Texts of sources are not held here: only where to find them. GUIDs are canonical (lower case, no
 * braces); every element keeps the XML location where it was read, for the report.
 */
public final class RefiModel {
  private RefiModel() {}

  /**
   * A whole project (or, for a codebook, only its codes and sets).
   *
   * @param header the attributes of the root element that say who wrote it and when ({@code
   *     origin}, {@code creationDateTime}, {@code creatingUserGUID}, {@code modifiedDateTime},
   *     {@code modifyingUserGUID}), as written
   * @param guidsAsWritten for each canonical GUID that was written otherwise (upper case, braces),
   *     the form it was written in, so that exports write it again
   */
  public record Project(
      String name,
      String origin,
      String namespace,
      String basePath,
      Optional<String> description,
      List<User> users,
      List<Code> codes,
      List<Variable> variables,
      List<Case> cases,
      List<Source> sources,
      List<Note> notes,
      List<Link> links,
      List<Set> sets,
      List<String> noteRefs,
      int graphs,
      java.util.Map<String, String> header,
      java.util.Map<String, String> guidsAsWritten) {}

  public record User(String guid, String name, String id) {}

  public record Code(
      String guid,
      String name,
      boolean codable,
      Optional<String> colour,
      Optional<String> description,
      List<String> noteRefs,
      List<Code> children,
      String location) {}

  /** REFI variable types. */
  public enum VariableType {
    TEXT,
    BOOLEAN,
    INTEGER,
    FLOAT,
    DATE,
    DATE_TIME
  }

  public record Variable(
      String guid, String name, VariableType type, Optional<String> description, String location) {}

  public record Value(String variableGuid, String value, String location) {}

  public record Case(
      String guid,
      String name,
      Optional<String> description,
      List<String> codeRefs,
      List<Value> values,
      List<String> sourceRefs,
      List<String> selectionRefs,
      String location) {}

  /** The kinds of sources REFI-QDA knows. */
  public enum SourceKind {
    TEXT("TextSource"),
    PDF("PDFSource"),
    PICTURE("PictureSource"),
    AUDIO("AudioSource"),
    VIDEO("VideoSource");

    private final String element;

    SourceKind(String element) {
      this.element = element;
    }

    public String element() {
      return element;
    }
  }

  /**
   * A source. For a PDF, the plain text is that of its Representation; selections other than text
   * ones (picture areas, media spans, PDF areas) and their codings are only counted, for the
   * report.
   */
  public record Source(
      SourceKind kind,
      String guid,
      String name,
      Optional<String> plainTextPath,
      Optional<String> plainTextContent,
      Optional<String> originalPath,
      Optional<String> description,
      List<Selection> selections,
      List<Coding> codings,
      List<String> noteRefs,
      List<Value> values,
      Optional<String> creatingUser,
      Optional<String> creationDateTime,
      int otherSelections,
      int otherCodings,
      String location) {}

  public record Selection(
      String guid,
      Optional<String> name,
      long start,
      long end,
      Optional<String> description,
      List<Coding> codings,
      List<String> noteRefs,
      Optional<String> creatingUser,
      Optional<String> creationDateTime,
      String location) {}

  public record Coding(
      String guid,
      String codeGuid,
      Optional<String> creatingUser,
      Optional<String> creationDateTime,
      List<String> noteRefs,
      String location) {}

  /** A note: a small text source with a name, whose text is the note's body. */
  public record Note(
      String guid,
      String name,
      Optional<String> plainTextPath,
      Optional<String> plainTextContent,
      Optional<String> description,
      Optional<String> creatingUser,
      Optional<String> creationDateTime,
      int selections,
      String location) {}

  public record Link(
      String guid,
      String name,
      Optional<String> direction,
      Optional<String> colour,
      Optional<String> originGuid,
      Optional<String> targetGuid,
      List<String> noteRefs,
      String location) {}

  public record Set(
      String guid,
      String name,
      Optional<String> description,
      List<String> memberCodes,
      List<String> memberSources,
      List<String> memberNotes,
      String location) {}
}
