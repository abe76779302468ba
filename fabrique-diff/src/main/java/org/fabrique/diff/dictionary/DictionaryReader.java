package org.fabrique.diff.dictionary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fabrique.diff.DiffInputException;
import org.fabrique.diff.read.ProblemLog;
import org.fabrique.diff.read.TableReader;
import org.fabrique.diff.read.TableReaders;
import org.fabrique.diff.report.Severity;

/**
 * Reads a REDCap data dictionary, an OMOP CDM field-level specification or a generic codebook
 * (variable, label, type, allowed values) into one model. The format is recognised from the header.
 */
public final class DictionaryReader {
  private DictionaryReader() {}

  public static DataDictionary read(Path file) {
    ProblemLog problems = new ProblemLog(file.getFileName().toString());
    TableReader reader = TableReaders.open(file, problems);
    Optional<DictionaryFormat> format = DictionaryFormat.recognise(reader.header());
    if (format.isEmpty()) {
      if (reader.header().isEmpty()) {
        return new DataDictionary("unknown", List.of(), problems.problems());
      }
      throw new DiffInputException(
          "Not a data dictionary: "
              + file.getFileName()
              + " (expected a REDCap data dictionary, an OMOP field-level CSV or a codebook with a variable column)");
    }
    Map<String, Integer> columns = new HashMap<>();
    for (int index = 0; index < reader.header().size(); index++) {
      columns.put(reader.header().get(index).strip().toLowerCase(Locale.ROOT), index);
    }
    List<DictionaryVariable> variables = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    reader.read(
        (cells, row) -> {
          Row values = new Row(columns, cells);
          DictionaryVariable variable =
              switch (format.get()) {
                case REDCAP -> redcap(values, variables.size() + 1);
                case OMOP_FIELD_LEVEL -> omop(values, variables.size() + 1);
                case CODEBOOK -> codebook(values, variables.size() + 1);
              };
          if (variable.name().isBlank()) {
            problems.rowProblem(
                "unnamed", row, Severity.WARNING, "A variable has no name; it was skipped");
          } else if (seen.merge(variable.name(), row, (first, again) -> first) != row) {
            problems.rowProblem(
                "duplicate",
                row,
                Severity.WARNING,
                "Variable " + variable.name() + " is defined twice; the first definition is kept");
          } else {
            variables.add(variable);
          }
          return true;
        },
        problems);
    return new DataDictionary(format.get().id(), variables, problems.problems());
  }

  /** One dictionary row, read by column name. */
  private record Row(Map<String, Integer> columns, String[] cells) {
    String get(String... names) {
      for (String name : names) {
        Integer index = columns.get(name);
        if (index != null && index < cells.length) {
          return cells[index].strip();
        }
      }
      return "";
    }
  }

  private static DictionaryVariable redcap(Row row, int position) {
    String type = row.get("field type", "field_type");
    String choices =
        row.get("choices, calculations, or slider labels", "select_choices_or_calculations");
    Map<String, String> attributes = new LinkedHashMap<>();
    put(attributes, "section", row.get("section header", "section_header"));
    put(attributes, "note", row.get("field note", "field_note"));
    put(
        attributes,
        "validation",
        row.get(
            "text validation type or show slider number",
            "text_validation_type_or_show_slider_number"));
    put(attributes, "validationMin", row.get("text validation min", "text_validation_min"));
    put(attributes, "validationMax", row.get("text validation max", "text_validation_max"));
    put(
        attributes,
        "branchingLogic",
        row.get("branching logic (show field only if...)", "branching_logic"));
    put(attributes, "customAlignment", row.get("custom alignment", "custom_alignment"));
    put(attributes, "questionNumber", row.get("question number (surveys only)", "question_number"));
    put(attributes, "matrixGroup", row.get("matrix group name", "matrix_group_name"));
    put(attributes, "annotation", row.get("field annotation", "field_annotation"));
    List<AllowedValue> parsed = List.of();
    switch (type.toLowerCase(Locale.ROOT)) {
      case "radio", "dropdown", "checkbox" -> parsed = Choices.parse(choices);
      case "yesno" -> parsed = List.of(new AllowedValue("1", "Yes"), new AllowedValue("0", "No"));
      case "truefalse" ->
          parsed = List.of(new AllowedValue("1", "True"), new AllowedValue("0", "False"));
      case "calc" -> put(attributes, "calculation", choices);
      default -> put(attributes, "choices", choices);
    }
    return new DictionaryVariable(
        row.get("variable / field name", "field_name"),
        row.get("form name", "form_name"),
        row.get("field label", "field_label"),
        type,
        parsed,
        yes(row.get("identifier?", "identifier")),
        yes(row.get("required field?", "required_field")),
        position,
        attributes);
  }

  private static DictionaryVariable omop(Row row, int position) {
    String table = row.get("cdmtablename").toLowerCase(Locale.ROOT);
    Map<String, String> attributes = new LinkedHashMap<>();
    put(attributes, "etlConventions", row.get("etlconventions"));
    put(attributes, "isForeignKey", row.get("isforeignkey"));
    put(attributes, "fkTableName", row.get("fktablename"));
    put(attributes, "fkFieldName", row.get("fkfieldname"));
    put(attributes, "fkDomain", row.get("fkdomain"));
    put(attributes, "fkClass", row.get("fkclass"));
    return new DictionaryVariable(
        table + "." + row.get("cdmfieldname").toLowerCase(Locale.ROOT),
        table,
        row.get("userguidance"),
        row.get("cdmdatatype"),
        List.of(),
        yes(row.get("isprimarykey")),
        yes(row.get("isrequired")),
        position,
        attributes);
  }

  private static DictionaryVariable codebook(Row row, int position) {
    Map<String, String> attributes = new LinkedHashMap<>();
    put(attributes, "unit", row.get("unit", "units"));
    put(attributes, "description", row.get("description", "definition"));
    return new DictionaryVariable(
        row.get("variable", "variable name", "name"),
        row.get("table", "form", "section", "group"),
        row.get("label", "variable label", "question"),
        row.get("type", "data type", "datatype"),
        Choices.parse(row.get("allowed values", "values", "codes", "categories", "value labels")),
        yes(row.get("identifier", "identifier?", "identifying")),
        yes(row.get("required", "mandatory")),
        position,
        attributes);
  }

  private static void put(Map<String, String> attributes, String name, String value) {
    if (!value.isBlank() && !value.equals("NA")) {
      attributes.put(name, value);
    }
  }

  private static boolean yes(String value) {
    String lower = value.strip().toLowerCase(Locale.ROOT);
    return lower.equals("y") || lower.equals("yes") || lower.equals("true") || lower.equals("1");
  }
}
