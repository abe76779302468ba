package org.fabrique.formats.refi;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamReader;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.exchange.Guids;
import org.fabrique.formats.refi.RefiModel.Case;
import org.fabrique.formats.refi.RefiModel.Code;
import org.fabrique.formats.refi.RefiModel.Coding;
import org.fabrique.formats.refi.RefiModel.Link;
import org.fabrique.formats.refi.RefiModel.Note;
import org.fabrique.formats.refi.RefiModel.Project;
import org.fabrique.formats.refi.RefiModel.Selection;
import org.fabrique.formats.refi.RefiModel.Source;
import org.fabrique.formats.refi.RefiModel.SourceKind;
import org.fabrique.formats.refi.RefiModel.User;
import org.fabrique.formats.refi.RefiModel.Value;
import org.fabrique.formats.refi.RefiModel.Variable;
import org.fabrique.formats.refi.RefiModel.VariableType;

/**
 * Reads a project.qde or a .qdc with StAX into a {@link Project}. Tolerant of what real tools
 * write: namespace versions other than 1.0, GUIDs in braces or upper case, unknown elements
 * (skipped and reported). A GUID that is missing, malformed or used twice is replaced by a key of
 * our own (starting with {@code x-}) and reported.
 */
public final class QdeReader {
  static final String PROJECT_NAMESPACE = "urn:QDA-XML:project:1.0";
  static final String CODEBOOK_NAMESPACE = "urn:QDA-XML:codebook:1.0";

  private final List<Problem> problems;
  private final Set<String> seenGuids = new HashSet<>();
  private final Map<String, String> references = new HashMap<>();
  private final Map<String, Optional<String>> users = new HashMap<>();
  private XmlCursor cursor;
  private int synthetic;

  public QdeReader(List<Problem> problems) {
    this.problems = problems;
  }

  /** Reads a project (root Project) or a codebook (root CodeBook). */
  public Project read(InputStream in, String fileName) {
    XMLStreamReader reader = SecureXml.reader(in);
    cursor = new XmlCursor(reader, fileName, problems);
    String root = cursor.root();
    String namespace = cursor.namespace();
    if (!namespace.startsWith("urn:QDA-XML:")) {
      problems.add(
          Problem.warning(
              cursor.location(),
              namespace.isEmpty()
                  ? "The root element has no namespace; read as REFI-QDA"
                  : "The namespace " + namespace + " is not REFI-QDA's; read as REFI-QDA"));
    } else if (!namespace.equals(PROJECT_NAMESPACE) && !namespace.equals(CODEBOOK_NAMESPACE)) {
      problems.add(
          Problem.info(
              cursor.location(), "The namespace " + namespace + " was read as version 1.0"));
    }
    return switch (root) {
      case "Project" -> project(namespace);
      case "CodeBook" -> codebook(namespace);
      default ->
          throw new InvalidInputException(
              cursor.location() + ": the root element is " + root + ", not Project or CodeBook");
    };
  }

  private Project project(String namespace) {
    String name = cursor.attribute("name").orElse("");
    String origin = cursor.attribute("origin").orElse("");
    String basePath = cursor.attribute("basePath").orElse("");
    Optional<String> description = Optional.empty();
    List<User> users = new ArrayList<>();
    List<Code> codes = new ArrayList<>();
    List<Variable> variables = new ArrayList<>();
    List<Case> cases = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    List<RefiModel.Set> sets = new ArrayList<>();
    List<String> noteRefs = new ArrayList<>();
    int graphs = 0;
    for (Optional<String> child = cursor.nextChild();
        child.isPresent();
        child = cursor.nextChild()) {
      switch (child.get()) {
        case "Users" -> each("User", () -> users.add(user()));
        case "CodeBook" -> codes.addAll(codeBook());
        case "Variables" -> each("Variable", () -> variables.add(variable()));
        case "Cases" -> each("Case", () -> cases.add(theCase()));
        case "Sources" -> sources(sources);
        case "Notes" -> each("Note", () -> notes.add(note()));
        case "Links" -> each("Link", () -> links.add(link()));
        case "Sets" -> each("Set", () -> sets.add(set()));
        case "Graphs" -> {
          String at = cursor.location();
          int[] count = {0};
          each(
              "Graph",
              () -> {
                count[0]++;
                cursor.skip();
              });
          graphs += count[0];
          problems.add(
              Problem.error(
                  at, count[0] + " graph(s) are not carried: Fabrique draws its own networks"));
        }
        case "Description" -> description = Optional.of(cursor.text());
        case "NoteRef" -> noteRefs.add(ref("targetGUID"));
        default -> cursor.skipUnknown("Project");
      }
    }
    return new Project(
        name,
        origin,
        namespace,
        basePath,
        description,
        users,
        codes,
        variables,
        cases,
        sources,
        notes,
        links,
        sets,
        noteRefs,
        graphs);
  }

  private Project codebook(String namespace) {
    String origin = cursor.attribute("origin").orElse("");
    List<Code> codes = new ArrayList<>();
    List<RefiModel.Set> sets = new ArrayList<>();
    for (Optional<String> child = cursor.nextChild();
        child.isPresent();
        child = cursor.nextChild()) {
      switch (child.get()) {
        case "Codes" -> each("Code", () -> codes.add(code()));
        case "Sets" -> each("Set", () -> sets.add(set()));
        default -> cursor.skipUnknown("CodeBook");
      }
    }
    return new Project(
        "",
        origin,
        namespace,
        "",
        Optional.empty(),
        List.of(),
        codes,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        sets,
        List.of(),
        0);
  }

  /** Reads every child named {@code element} of the current container; skips others. */
  private void each(String element, Runnable read) {
    String container = element + "s";
    for (Optional<String> child = cursor.nextChild();
        child.isPresent();
        child = cursor.nextChild()) {
      if (child.get().equals(element)) {
        read.run();
      } else {
        cursor.skipUnknown(container);
      }
    }
  }

  private List<Code> codeBook() {
    List<Code> codes = new ArrayList<>();
    for (Optional<String> child = cursor.nextChild();
        child.isPresent();
        child = cursor.nextChild()) {
      if (child.get().equals("Codes")) {
        each("Code", () -> codes.add(code()));
      } else {
        cursor.skipUnknown("CodeBook");
      }
    }
    return codes;
  }

  private User user() {
    String guid = guid("User");
    String name = cursor.attribute("name").orElse("");
    String id = cursor.attribute("id").orElse("");
    cursor.skip();
    return new User(guid, name, id);
  }

  private Code code() {
    String location = cursor.location();
    String guid = guid("Code");
    String name = cursor.attribute("name").orElse("");
    boolean codable =
        cursor.attribute("isCodable").map(v -> !v.strip().equalsIgnoreCase("false")).orElse(true);
    Optional<String> colour = cursor.attribute("color").flatMap(this::colour);
    Optional<String> description = Optional.empty();
    List<String> noteRefs = new ArrayList<>();
    List<Code> children = new ArrayList<>();
    for (Optional<String> child = cursor.nextChild();
        child.isPresent();
        child = cursor.nextChild()) {
      switch (child.get()) {
        case "Description" -> description = Optional.of(cursor.text());
        case "NoteRef" -> noteRefs.add(ref("targetGUID"));
        case "Code" -> children.add(code());
        default -> cursor.skipUnknown("Code");
      }
    }
    return new Code(guid, name, codable, colour, description, noteRefs, children, location);
  }

  private Optional<String> colour(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.matches("#[0-9a-f]{6}")) {
      return Optional.of(v);
    }
    if (v.matches("#[0-9a-f]{3}")) {
      return Optional.of(
          "#" + v.charAt(1) + v.charAt(1) + v.charAt(2) + v.charAt(2) + v.charAt(3) + v.charAt(3));
    }
    problems.add(
        Problem.warning(cursor.location(), "The colour \"" + value + "\" is not #rrggbb; dropped"));
    return Optional.empty();
  }

  private Variable variable() {
    String location = cursor.location();
    String guid = guid("Variable");
    String name = cursor.attribute("name").orElse("");
    String typeName = cursor.attribute("typeOfVariable").orElse("Text");
    VariableType type =
        switch (typeName.strip()) {
          case "Boolean" -> VariableType.BOOLEAN;
          case "Integer" -> VariableType.INTEGER;
          case "Float" -> VariableType.FLOAT;
          case "Date" -> VariableType.DATE;
          case "DateTime" -> VariableType.DATE_TIME;
          case "Text" -> VariableType.TEXT;
          default -> {
            problems.add(
                Problem.warning(
                    location, "The variable type " + typeName + " is unknown; read as Text"));
            yield VariableType.TEXT;
          }
        };
    Optional<String> description = Optional.empty();
    for (Optional<String> child = cursor.nextChild();
        child.isPresent();
        child = cursor.nextChild()) {
      if (child.get().equals("Description")) {
        description = Optional.of(cursor.text());
      } else {
        cursor.skipUnknown("Variable");
      }
    }
    return new Variable(guid, name, type, description, location);
  }

  private Value value() {
    String location = cursor.location();
    String variable = "";
    String value = "";
    for (Optional<String> child = cursor.nextChild();
        child.isPresent();
        child = cursor.nextChild()) {
      switch (child.get()) {
        case "VariableRef" -> variable = ref("targetGUID");
        case "TextValue",
            "BooleanValue",
            "IntegerValue",
            "FloatValue",
            "DateValue",
            "DateTimeValue" ->
            value = cursor.text();
        default -> cursor.skipUnknown("VariableValue");
      }
    }
    return new Value(variable, value, location);
  }

  private Case theCase() {
    String location = cursor.location();
    String guid = guid("Case");
    String name = cursor.attribute("name").orElse("");
    Optional<String> description = Optional.empty();
    List<String> codeRefs = new ArrayList<>();
    List<Value> values = new ArrayList<>();
    List<String> sourceRefs = new ArrayList<>();
    List<String> selectionRefs = new ArrayList<>();
    for (Optional<String> child = cursor.nextChild();
        child.isPresent();
        child = cursor.nextChild()) {
      switch (child.get()) {
        case "Description" -> description = Optional.of(cursor.text());
        case "CodeRef" -> codeRefs.add(ref("targetGUID"));
        case "VariableValue" -> values.add(value());
        case "SourceRef" -> sourceRefs.add(ref("targetGUID"));
        case "SelectionRef" -> selectionRefs.add(ref("targetGUID"));
        default -> cursor.skipUnknown("Case");
      }
    }
    return new Case(guid, name, description, codeRefs, values, sourceRefs, selectionRefs, location);
  }

  private void sources(List<Source> sources) {
    for (Optional<String> child = cursor.nextChild();
        child.isPresent();
        child = cursor.nextChild()) {
      switch (child.get()) {
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
    String guid = guid(kind.element());
    String name = cursor.attribute("name").orElse("");
    Optional<String> plainTextPath = cursor.attribute("plainTextPath");
    Optional<String> originalPath =
        kind == SourceKind.TEXT ? cursor.attribute("richTextPath") : cursor.attribute("path");
    Optional<String> creatingUser = user(cursor.attribute("creatingUser"));
    Optional<String> created = cursor.attribute("creationDateTime");
    Optional<String> description = Optional.empty();
    Optional<String> content = Optional.empty();
    List<Selection> selections = new ArrayList<>();
    List<Coding> codings = new ArrayList<>();
    List<String> noteRefs = new ArrayList<>();
    List<Value> values = new ArrayList<>();
    int others = 0;
    for (Optional<String> child = cursor.nextChild();
        child.isPresent();
        child = cursor.nextChild()) {
      switch (child.get()) {
        case "Description" -> description = Optional.of(cursor.text());
        case "PlainTextContent" -> content = Optional.of(cursor.text());
        case "PlainTextSelection" -> selections.add(selection());
        case "Coding" -> codings.add(coding());
        case "NoteRef" -> noteRefs.add(ref("targetGUID"));
        case "VariableValue" -> values.add(value());
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
          cursor.skip();
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
        location);
  }

  private Selection selection() {
    String location = cursor.location();
    String guid = guid("PlainTextSelection");
    Optional<String> name = cursor.attribute("name");
    long start = position("startPosition");
    long end = position("endPosition");
    Optional<String> creatingUser = user(cursor.attribute("creatingUser"));
    Optional<String> created = cursor.attribute("creationDateTime");
    Optional<String> description = Optional.empty();
    List<Coding> codings = new ArrayList<>();
    List<String> noteRefs = new ArrayList<>();
    for (Optional<String> child = cursor.nextChild();
        child.isPresent();
        child = cursor.nextChild()) {
      switch (child.get()) {
        case "Description" -> description = Optional.of(cursor.text());
        case "Coding" -> codings.add(coding());
        case "NoteRef" -> noteRefs.add(ref("targetGUID"));
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
    String guid = guid("Coding");
    Optional<String> creatingUser = user(cursor.attribute("creatingUser"));
    Optional<String> created = cursor.attribute("creationDateTime");
    String code = "";
    List<String> noteRefs = new ArrayList<>();
    for (Optional<String> child = cursor.nextChild();
        child.isPresent();
        child = cursor.nextChild()) {
      switch (child.get()) {
        case "CodeRef" -> code = ref("targetGUID");
        case "NoteRef" -> noteRefs.add(ref("targetGUID"));
        default -> cursor.skipUnknown("Coding");
      }
    }
    return new Coding(guid, code, creatingUser, created, noteRefs, location);
  }

  private Note note() {
    String location = cursor.location();
    String guid = guid("Note");
    String name = cursor.attribute("name").orElse("");
    Optional<String> plainTextPath = cursor.attribute("plainTextPath");
    Optional<String> creatingUser = user(cursor.attribute("creatingUser"));
    Optional<String> created = cursor.attribute("creationDateTime");
    Optional<String> description = Optional.empty();
    Optional<String> content = Optional.empty();
    int selections = 0;
    for (Optional<String> child = cursor.nextChild();
        child.isPresent();
        child = cursor.nextChild()) {
      switch (child.get()) {
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

  private Link link() {
    String location = cursor.location();
    String guid = guid("Link");
    String name = cursor.attribute("name").orElse("");
    Optional<String> direction = cursor.attribute("direction");
    Optional<String> colour = cursor.attribute("color").flatMap(this::colour);
    Optional<String> origin = cursor.attribute("originGUID").map(this::reference);
    Optional<String> target = cursor.attribute("targetGUID").map(this::reference);
    List<String> noteRefs = new ArrayList<>();
    for (Optional<String> child = cursor.nextChild();
        child.isPresent();
        child = cursor.nextChild()) {
      if (child.get().equals("NoteRef")) {
        noteRefs.add(ref("targetGUID"));
      } else {
        cursor.skipUnknown("Link");
      }
    }
    return new Link(guid, name, direction, colour, origin, target, noteRefs, location);
  }

  private RefiModel.Set set() {
    String location = cursor.location();
    String guid = guid("Set");
    String name = cursor.attribute("name").orElse("");
    Optional<String> description = Optional.empty();
    List<String> codes = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Optional<String> child = cursor.nextChild();
        child.isPresent();
        child = cursor.nextChild()) {
      switch (child.get()) {
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
    String value = target.map(this::reference).orElse("");
    cursor.skip();
    return value;
  }

  /** Reads a reference attribute of the current (empty) element and moves past it. */
  private String ref(String attribute) {
    String value = cursor.attribute(attribute).map(this::reference).orElse("");
    cursor.skip();
    return value;
  }

  /**
   * References repeat a few GUIDs (codes, users) hundreds of thousands of times in a large project:
   * each distinct one is kept once, and so is each distinct user reference.
   */
  private String reference(String value) {
    return shared(Guids.parse(value).orElse("invalid:" + value));
  }

  private Optional<String> user(Optional<String> value) {
    return value
        .flatMap(Guids::parse)
        .map(g -> users.computeIfAbsent(g, Optional::of))
        .flatMap(u -> u);
  }

  private String shared(String value) {
    return references.computeIfAbsent(value, v -> v);
  }

  /** The canonical GUID of the current element, or a key of our own when it has none usable. */
  private String guid(String element) {
    Optional<String> raw = cursor.attribute("guid");
    Optional<String> parsed = raw.flatMap(Guids::parse);
    if (parsed.isPresent() && seenGuids.add(parsed.get())) {
      return parsed.get();
    }
    String reason =
        raw.isEmpty()
            ? "has no GUID"
            : parsed.isEmpty()
                ? "has the malformed GUID \"" + raw.get() + "\""
                : "reuses the GUID " + parsed.get();
    problems.add(
        Problem.warning(
            cursor.location(),
            "The " + element + " " + reason + "; it gets a new GUID at the next export"));
    return "x-" + (++synthetic);
  }
}
