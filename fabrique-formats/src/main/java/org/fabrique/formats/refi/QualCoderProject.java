package org.fabrique.formats.refi;

import static org.fabrique.formats.refi.QualCoderRows.date;
import static org.fabrique.formats.refi.QualCoderRows.guid;
import static org.fabrique.formats.refi.QualCoderRows.number;
import static org.fabrique.formats.refi.QualCoderRows.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.fabrique.core.error.Problem;
import org.fabrique.core.exchange.ForeignDatabase;
import org.fabrique.formats.refi.RefiModel.Case;
import org.fabrique.formats.refi.RefiModel.Code;
import org.fabrique.formats.refi.RefiModel.Coding;
import org.fabrique.formats.refi.RefiModel.Note;
import org.fabrique.formats.refi.RefiModel.Project;
import org.fabrique.formats.refi.RefiModel.Selection;
import org.fabrique.formats.refi.RefiModel.Source;
import org.fabrique.formats.refi.RefiModel.SourceKind;
import org.fabrique.formats.refi.RefiModel.User;
import org.fabrique.formats.refi.RefiModel.Value;
import org.fabrique.formats.refi.RefiModel.Variable;

/**
 * QualCoder's own project: a folder {@code NAME.qda} holding the SQLite database {@code data.qda}
 * (and the originals in {@code documents/}), read as the REFI-QDA project QualCoder would export,
 * so that it is imported the same way and reported the same way. Tables read: {@code project},
 * {@code code_cat} (categories, not codable), {@code code_name} (codes, under a category or a
 * code), {@code source} (texts in {@code fulltext}; pictures, sounds and videos are reported),
 * {@code code_text} (codings, {@code pos0}–{@code pos1} in code points, {@code seltext} their
 * quote), {@code annotation}, {@code cases} and {@code case_text}, {@code attribute_type} and
 * {@code attribute}, {@code journal}; {@code code_image} and {@code code_av} are counted as lost.
 * GUIDs are derived from the rows' ids, so that importing the same project twice gives the same
 * GUIDs.
 */
final class QualCoderProject {
  static final String DATABASE = "data.qda";

  private final ForeignDatabase db;
  private final String file;
  private final Predicate<String> inFolder;
  private final List<Problem> problems;
  private final Map<String, String> userGuids = new LinkedHashMap<>();

  private QualCoderProject(
      ForeignDatabase db, String file, Predicate<String> inFolder, List<Problem> problems) {
    this.db = db;
    this.file = file;
    this.inFolder = inFolder;
    this.problems = problems;
  }

  /** True for a QualCoder project folder, or the {@code data.qda} file in one. */
  static boolean is(Path path) {
    return Files.isDirectory(path)
        ? Files.isRegularFile(path.resolve(DATABASE))
        : path.getFileName().toString().equals(DATABASE);
  }

  /** The project folder of a path {@link #is} accepts. */
  static Path folderOf(Path path) {
    return Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
  }

  /**
   * Reads the project in a database.
   *
   * @param inFolder whether the project folder holds a file (a path relative to it)
   */
  static Project read(
      ForeignDatabase db, String file, Predicate<String> inFolder, List<Problem> problems) {
    return new QualCoderProject(db, file, inFolder, problems).read();
  }

  private List<Map<String, Object>> rows(String table) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (!db.columns(table).isEmpty()) {
      db.forEachRow(table, rows::add);
    }
    return rows;
  }

  private String where(String table, Object id) {
    return QualCoderRows.where(file, table, id);
  }

  /** The GUID of the user a QualCoder owner (a name) is; empty when there is no owner. */
  private Optional<String> user(String owner) {
    if (owner.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(userGuids.computeIfAbsent(owner.strip(), o -> guid("user", o)));
  }

  private Project read() {
    Map<String, Object> project = rows("project").stream().findFirst().orElse(Map.of());
    Map<String, String> header = new LinkedHashMap<>();
    String about = text(project, "about").strip();
    header.put(
        "origin",
        about.toLowerCase(Locale.ROOT).startsWith("qualcoder")
            ? about
            : ("QualCoder " + about).strip());
    date(text(project, "date")).ifPresent(d -> header.put("creationDateTime", d));
    user(text(project, "codername"));
    rows("coder_names").forEach(row -> user(text(row, "name")));

    List<Code> codes = QualCoderCodebook.read(rows("code_cat"), rows("code_name"), file, problems);
    Map<Long, List<Value>> fileValues = new HashMap<>();
    Map<Long, List<Value>> caseValues = new HashMap<>();
    List<Variable> variables = variables(fileValues, caseValues);
    Map<Long, List<Selection>> selections = new HashMap<>();
    codings(selections);
    annotations(selections);
    Map<Long, Integer> others = mediaCodings();
    List<Map<String, Object>> sourceRows = rows("source");
    Map<Long, Integer> lengths = new HashMap<>();
    for (Map<String, Object> row : sourceRows) {
      number(row, "id")
          .ifPresent(
              id -> {
                String text = text(row, "fulltext");
                lengths.put(id, text.codePointCount(0, text.length()));
              });
    }
    List<Case> cases = cases(caseValues, selections, lengths);
    List<Source> sources = new ArrayList<>();
    for (Map<String, Object> row : sourceRows) {
      sources.add(source(row, selections, fileValues, others));
    }
    List<Note> notes = new ArrayList<>();
    for (Map<String, Object> row : rows("journal")) {
      Object id = row.getOrDefault("jid", row.get("name"));
      notes.add(
          new Note(
              guid("journal", id),
              text(row, "name"),
              Optional.empty(),
              Optional.of(text(row, "jentry")),
              Optional.empty(),
              user(text(row, "owner")),
              date(text(row, "date")),
              0,
              where("journal", id)));
    }
    int graphs = rows("graph").size();
    if (graphs > 0) {
      problems.add(
          Problem.error(
              where("graph", ""),
              graphs + " graph(s) are not carried: Fabrique draws its own networks"));
    }
    List<User> users = new ArrayList<>();
    userGuids.forEach((name, guid) -> users.add(new User(guid, name, name)));
    return new Project(
        "",
        header.get("origin"),
        "urn:QDA-XML:project:1.0",
        "",
        Optional.of(text(project, "memo")).filter(m -> !m.isEmpty()),
        users,
        codes,
        variables,
        cases,
        sources,
        notes,
        List.of(),
        List.of(),
        List.of(),
        graphs,
        header,
        Map.of());
  }

  private List<Variable> variables(
      Map<Long, List<Value>> fileValues, Map<Long, List<Value>> caseValues) {
    List<Variable> variables = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Map<String, Object> row : rows("attribute_type")) {
      String name = text(row, "name");
      names.add(name);
      variables.add(
          new Variable(
              guid("attribute", name),
              name,
              text(row, "valuetype").equalsIgnoreCase("numeric")
                  ? RefiModel.VariableType.FLOAT
                  : RefiModel.VariableType.TEXT,
              Optional.of(text(row, "memo")).filter(m -> !m.isEmpty()),
              where("attribute_type", name)));
    }
    for (Map<String, Object> row : rows("attribute")) {
      String name = text(row, "name");
      Optional<Long> owner = number(row, "id");
      if (!names.contains(name) || owner.isEmpty()) {
        continue;
      }
      Value value =
          new Value(
              guid("attribute", name),
              text(row, "value"),
              where("attribute", row.getOrDefault("attrid", name)));
      (text(row, "attr_type").equals("case") ? caseValues : fileValues)
          .computeIfAbsent(owner.get(), k -> new ArrayList<>())
          .add(value);
    }
    return variables;
  }

  private void codings(Map<Long, List<Selection>> selections) {
    int row = 0;
    for (Map<String, Object> coded : rows("code_text")) {
      row++;
      Object id = coded.getOrDefault("ctid", row);
      Optional<Long> source = number(coded, "fid");
      Optional<Long> code = number(coded, "cid");
      if (source.isEmpty() || code.isEmpty()) {
        continue;
      }
      Optional<String> owner = user(text(coded, "owner"));
      Optional<String> created = date(text(coded, "date"));
      selections
          .computeIfAbsent(source.get(), k -> new ArrayList<>())
          .add(
              new Selection(
                  guid("code_text", id),
                  Optional.of(text(coded, "seltext")).filter(q -> !q.isEmpty()),
                  number(coded, "pos0").orElse(-1L),
                  number(coded, "pos1").orElse(-1L),
                  Optional.of(text(coded, "memo")).filter(m -> !m.isBlank()),
                  List.of(
                      new Coding(
                          guid("coding", id),
                          guid("code", code.get()),
                          owner,
                          created,
                          List.of(),
                          where("code_text", id))),
                  List.of(),
                  owner,
                  created,
                  where("code_text", id)));
    }
  }

  /** Annotations: passages with a note and no code. */
  private void annotations(Map<Long, List<Selection>> selections) {
    for (Map<String, Object> row : rows("annotation")) {
      Object id = row.getOrDefault("anid", row.get("pos0"));
      Optional<Long> source = number(row, "fid");
      if (source.isEmpty()) {
        continue;
      }
      Optional<String> owner = user(text(row, "owner"));
      selections
          .computeIfAbsent(source.get(), k -> new ArrayList<>())
          .add(
              new Selection(
                  guid("annotation", id),
                  Optional.empty(),
                  number(row, "pos0").orElse(-1L),
                  number(row, "pos1").orElse(-1L),
                  Optional.of(text(row, "memo")),
                  List.of(),
                  List.of(),
                  owner,
                  date(text(row, "date")),
                  where("annotation", id)));
    }
  }

  /** The codings of pictures and of sounds and videos, by source: Fabrique codes text. */
  private Map<Long, Integer> mediaCodings() {
    Map<Long, Integer> counts = new HashMap<>();
    for (String table : List.of("code_image", "code_av")) {
      for (Map<String, Object> row : rows(table)) {
        number(row, "id").ifPresent(id -> counts.merge(id, 1, Integer::sum));
      }
    }
    return counts;
  }

  private List<Case> cases(
      Map<Long, List<Value>> caseValues,
      Map<Long, List<Selection>> selections,
      Map<Long, Integer> lengths) {
    Map<Long, List<String>> sourcesOf = new HashMap<>();
    Map<Long, List<String>> passagesOf = new HashMap<>();
    for (Map<String, Object> row : rows("case_text")) {
      Optional<Long> theCase = number(row, "caseid");
      Optional<Long> source = number(row, "fid");
      if (theCase.isEmpty() || source.isEmpty()) {
        continue;
      }
      long start = number(row, "pos0").orElse(0L);
      long end = number(row, "pos1").orElse(0L);
      if (start <= 0 && end >= lengths.getOrDefault(source.get(), 0)) {
        sourcesOf
            .computeIfAbsent(theCase.get(), k -> new ArrayList<>())
            .add(guid("source", source.get()));
      } else {
        Object id = row.getOrDefault("id", theCase.get() + "-" + source.get() + "-" + start);
        String guid = guid("case_text", id);
        selections
            .computeIfAbsent(source.get(), k -> new ArrayList<>())
            .add(
                new Selection(
                    guid,
                    Optional.empty(),
                    start,
                    end,
                    Optional.empty(),
                    List.of(),
                    List.of(),
                    user(text(row, "owner")),
                    date(text(row, "date")),
                    where("case_text", id)));
        passagesOf.computeIfAbsent(theCase.get(), k -> new ArrayList<>()).add(guid);
      }
    }
    List<Case> cases = new ArrayList<>();
    for (Map<String, Object> row : rows("cases")) {
      long id = number(row, "caseid").orElse(-1L);
      cases.add(
          new Case(
              guid("case", id),
              text(row, "name"),
              Optional.of(text(row, "memo")).filter(m -> !m.isEmpty()),
              List.of(),
              caseValues.getOrDefault(id, List.of()),
              sourcesOf.getOrDefault(id, List.of()),
              passagesOf.getOrDefault(id, List.of()),
              where("cases", id)));
    }
    return cases;
  }

  private Source source(
      Map<String, Object> row,
      Map<Long, List<Selection>> selections,
      Map<Long, List<Value>> fileValues,
      Map<Long, Integer> others) {
    long id = number(row, "id").orElse(-1L);
    String name = text(row, "name");
    String media = text(row, "mediapath");
    boolean text = row.get("fulltext") != null;
    SourceKind kind =
        text
            ? (media.toLowerCase(Locale.ROOT).endsWith(".pdf") ? SourceKind.PDF : SourceKind.TEXT)
            : media.startsWith("/images") || media.startsWith("images:")
                ? SourceKind.PICTURE
                : media.startsWith("/audio") || media.startsWith("audio:")
                    ? SourceKind.AUDIO
                    : SourceKind.VIDEO;
    return new Source(
        kind,
        guid("source", id),
        name,
        Optional.empty(),
        text ? Optional.of(text(row, "fulltext")) : Optional.empty(),
        original(media, name),
        Optional.of(text(row, "memo")).filter(m -> !m.isEmpty()),
        selections.getOrDefault(id, List.of()),
        List.of(),
        List.of(),
        fileValues.getOrDefault(id, List.of()),
        user(text(row, "owner")),
        date(text(row, "date")),
        others.getOrDefault(id, 0),
        others.getOrDefault(id, 0),
        where("source", id));
  }

  /**
   * The original of a text in the project folder ({@code /docs/NAME} is {@code documents/NAME}; a
   * document imported as it is kept as {@code documents/NAME}), or on disk ({@code docs:PATH}).
   */
  private Optional<String> original(String media, String name) {
    if (media.startsWith("/docs/")) {
      String inFolderPath = "documents/" + media.substring("/docs/".length());
      return inFolder.test(inFolderPath)
          ? Optional.of("internal://" + inFolderPath)
          : Optional.empty();
    }
    if (media.startsWith("docs:")) {
      return Optional.of("absolute://" + media.substring("docs:".length()));
    }
    String kept = "documents/" + name;
    return media.isEmpty() && !name.isBlank() && inFolder.test(kept)
        ? Optional.of("internal://" + kept)
        : Optional.empty();
  }
}
