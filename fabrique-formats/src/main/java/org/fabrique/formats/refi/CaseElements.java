package org.fabrique.formats.refi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.error.Problem;
import org.fabrique.formats.refi.RefiModel.Case;
import org.fabrique.formats.refi.RefiModel.Value;
import org.fabrique.formats.refi.RefiModel.Variable;
import org.fabrique.formats.refi.RefiModel.VariableType;

/** Reads variables, the values that cases and sources give them, and cases. */
final class CaseElements {
  private final XmlCursor cursor;
  private final QdeAttributes attributes;
  private final List<Problem> problems;

  CaseElements(XmlCursor cursor, QdeAttributes attributes, List<Problem> problems) {
    this.cursor = cursor;
    this.attributes = attributes;
    this.problems = problems;
  }

  Variable variable() {
    String location = cursor.location();
    String guid = attributes.guid("Variable");
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
    for (String child : cursor.children()) {
      if (child.equals("Description")) {
        description = Optional.of(cursor.text());
      } else {
        cursor.skipUnknown("Variable");
      }
    }
    return new Variable(guid, name, type, description, location);
  }

  Value value() {
    String location = cursor.location();
    String variable = "";
    String value = "";
    for (String child : cursor.children()) {
      switch (child) {
        case "VariableRef" -> variable = attributes.ref("targetGUID");
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

  Case theCase() {
    String location = cursor.location();
    String guid = attributes.guid("Case");
    String name = cursor.attribute("name").orElse("");
    Optional<String> description = Optional.empty();
    List<String> codeRefs = new ArrayList<>();
    List<Value> values = new ArrayList<>();
    List<String> sourceRefs = new ArrayList<>();
    List<String> selectionRefs = new ArrayList<>();
    for (String child : cursor.children()) {
      switch (child) {
        case "Description" -> description = Optional.of(cursor.text());
        case "CodeRef" -> codeRefs.add(attributes.ref("targetGUID"));
        case "VariableValue" -> values.add(value());
        case "SourceRef" -> sourceRefs.add(attributes.ref("targetGUID"));
        case "SelectionRef" -> selectionRefs.add(attributes.ref("targetGUID"));
        default -> cursor.skipUnknown("Case");
      }
    }
    return new Case(guid, name, description, codeRefs, values, sourceRefs, selectionRefs, location);
  }
}
