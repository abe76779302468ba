package org.fabrique.formats.refi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.error.Problem;
import org.fabrique.formats.refi.RefiModel.Case;
import org.fabrique.formats.refi.RefiModel.Code;
import org.fabrique.formats.refi.RefiModel.Link;
import org.fabrique.formats.refi.RefiModel.Note;
import org.fabrique.formats.refi.RefiModel.Project;
import org.fabrique.formats.refi.RefiModel.Source;
import org.fabrique.formats.refi.RefiModel.User;
import org.fabrique.formats.refi.RefiModel.Variable;

/**
 * Reads the root of one project.qde or .qdc and its containers (Users, CodeBook, Cases…), handing
 * each element to the reader of its kind.
 */
final class ProjectElements {
  private final XmlCursor cursor;
  private final QdeAttributes attributes;
  private final List<Problem> problems;
  private final CodebookElements codebookElements;
  private final CaseElements caseElements;
  private final SourceElements sourceElements;
  private final NoteAndLinkElements noteElements;

  ProjectElements(XmlCursor cursor, QdeAttributes attributes, List<Problem> problems) {
    this.cursor = cursor;
    this.attributes = attributes;
    this.problems = problems;
    this.codebookElements = new CodebookElements(cursor, attributes);
    this.caseElements = new CaseElements(cursor, attributes, problems);
    this.sourceElements = new SourceElements(cursor, attributes, problems, caseElements::value);
    this.noteElements = new NoteAndLinkElements(cursor, attributes);
  }

  /** Reads a project, the cursor being on its root element. */
  Project project(String namespace) {
    String name = cursor.attribute("name").orElse("");
    String origin = cursor.attribute("origin").orElse("");
    String basePath = cursor.attribute("basePath").orElse("");
    java.util.Map<String, String> header = header();
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
    for (String child : cursor.children()) {
      switch (child) {
        case "Users" -> each("User", () -> users.add(user()));
        case "CodeBook" -> codes.addAll(codeBook());
        case "Variables" -> each("Variable", () -> variables.add(caseElements.variable()));
        case "Cases" -> each("Case", () -> cases.add(caseElements.theCase()));
        case "Sources" -> sourceElements.sources(sources);
        case "Notes" -> each("Note", () -> notes.add(noteElements.note()));
        case "Links" -> each("Link", () -> links.add(noteElements.link()));
        case "Sets" -> each("Set", () -> sets.add(codebookElements.set()));
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
        case "NoteRef" -> noteRefs.add(attributes.ref("targetGUID"));
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
        graphs,
        header,
        attributes.guidsAsWritten());
  }

  /** The attributes of the root that say which tool wrote the file, who and when. */
  private java.util.Map<String, String> header() {
    java.util.Map<String, String> header = new java.util.LinkedHashMap<>();
    for (String name :
        List.of(
            "origin",
            "creationDateTime",
            "creatingUserGUID",
            "modifiedDateTime",
            "modifyingUserGUID")) {
      cursor.attribute(name).ifPresent(value -> header.put(name, value));
    }
    return header;
  }

  /** Reads a codebook (its codes and sets), the cursor being on its root element. */
  Project codebook(String namespace) {
    String origin = cursor.attribute("origin").orElse("");
    java.util.Map<String, String> header = header();
    List<Code> codes = new ArrayList<>();
    List<RefiModel.Set> sets = new ArrayList<>();
    for (String child : cursor.children()) {
      switch (child) {
        case "Codes" -> each("Code", () -> codes.add(codebookElements.code()));
        case "Sets" -> each("Set", () -> sets.add(codebookElements.set()));
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
        0,
        header,
        attributes.guidsAsWritten());
  }

  /** Reads every child named {@code element} of the current container; skips others. */
  private void each(String element, Runnable read) {
    String container = element + "s";
    for (String child : cursor.children()) {
      if (child.equals(element)) {
        read.run();
      } else {
        cursor.skipUnknown(container);
      }
    }
  }

  private List<Code> codeBook() {
    List<Code> codes = new ArrayList<>();
    for (String child : cursor.children()) {
      if (child.equals("Codes")) {
        each("Code", () -> codes.add(codebookElements.code()));
      } else {
        cursor.skipUnknown("CodeBook");
      }
    }
    return codes;
  }

  private User user() {
    String guid = attributes.guid("User");
    String name = cursor.attribute("name").orElse("");
    String id = cursor.attribute("id").orElse("");
    cursor.skip();
    return new User(guid, name, id);
  }
}
