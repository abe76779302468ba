package org.fabrique.formats.refi;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.attribute.AttributeValue;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.store.Transaction;
import org.fabrique.formats.refi.RefiModel.Project;

/**
 * REFI variables become typed attributes during a project import: one per scope (cases, sources)
 * where the variable has values. The variable that carries case domains is read into the cases.
 */
final class VariableMapping {
  private final Transaction tx;
  private final InquiryId inquiry;
  private final List<Problem> problems;
  private final BiConsumer<String, ItemRef> register;
  private final Consumer<String> count;

  /** The name of the variable that carries a case's domain through REFI-QDA. */
  static final String DOMAIN_VARIABLE = "Fabrique: domain";

  private final Map<String, RefiModel.Variable> variables = new HashMap<>();
  private final Map<List<Object>, AttributeId> definitions = new HashMap<>();
  private final Set<String> domainVariables = new HashSet<>();

  VariableMapping(
      Transaction tx,
      InquiryId inquiry,
      List<Problem> problems,
      BiConsumer<String, ItemRef> register,
      Consumer<String> count,
      Project project,
      List<SourceTexts.Prepared> sources) {
    this.tx = tx;
    this.inquiry = inquiry;
    this.problems = problems;
    this.register = register;
    this.count = count;
    Map<String, Set<AttributeScope>> scopes = new LinkedHashMap<>();
    project.variables().forEach(v -> scopes.put(v.guid(), new TreeSet<>()));
    project
        .cases()
        .forEach(c -> c.values().forEach(v -> scopeOf(scopes, v).add(AttributeScope.CASE)));
    sources.forEach(
        s -> s.source().values().forEach(v -> scopeOf(scopes, v).add(AttributeScope.SOURCE)));
    Map<List<Object>, Integer> names = new HashMap<>();
    for (RefiModel.Variable variable : project.variables()) {
      variables.put(variable.guid(), variable);
      if (variable.name().strip().equals(DOMAIN_VARIABLE)) {
        domainVariables.add(variable.guid());
        continue;
      }
      Set<AttributeScope> used = scopes.get(variable.guid());
      if (used.isEmpty()) {
        used = Set.of(AttributeScope.CASE);
      }
      AttributeType type = typeOf(variable);
      boolean first = true;
      for (AttributeScope scope : used) {
        String name =
            variable.name().strip().isEmpty() ? "Unnamed variable" : variable.name().strip();
        int taken = names.merge(List.of(scope, name.toLowerCase(Locale.ROOT)), 1, Integer::sum);
        if (taken > 1) {
          problems.add(
              Problem.warning(
                  variable.location(),
                  "Two variables are named "
                      + name
                      + "; this one was renamed "
                      + name
                      + " ("
                      + taken
                      + ")"));
          name = name + " (" + taken + ")";
        }
        AttributeId id = new AttributeId(tx.newId());
        tx.attributes()
            .insertDefinition(
                new AttributeDefinition(
                    id,
                    inquiry,
                    InquiryBuilder.truncate(name),
                    type,
                    scope,
                    variable.description().orElse("")));
        definitions.put(List.of(variable.guid(), scope), id);
        if (first) {
          register.accept(variable.guid(), new ItemRef(ItemKind.ATTRIBUTE, id.value()));
          first = false;
        }
        count.accept("attributes");
      }
    }
  }

  private Set<AttributeScope> scopeOf(
      Map<String, Set<AttributeScope>> scopes, RefiModel.Value value) {
    return scopes.computeIfAbsent(value.variableGuid(), k -> new TreeSet<>());
  }

  private AttributeType typeOf(RefiModel.Variable variable) {
    return switch (variable.type()) {
      case TEXT -> AttributeType.TEXT;
      case BOOLEAN -> AttributeType.BOOLEAN;
      case INTEGER -> AttributeType.INTEGER;
      case FLOAT -> AttributeType.DECIMAL;
      case DATE -> AttributeType.DATE;
      case DATE_TIME -> {
        problems.add(
            Problem.warning(
                variable.location(),
                "The variable "
                    + variable.name()
                    + " holds dates with times; Fabrique keeps them as text"));
        yield AttributeType.TEXT;
      }
    };
  }

  Optional<Domain> domainOf(RefiModel.Case theCase) {
    return theCase.values().stream()
        .filter(v -> domainVariables.contains(v.variableGuid()))
        .findFirst()
        .flatMap(v -> Domain.fromId(v.value()));
  }

  void values(List<RefiModel.Value> values, long owner, AttributeScope scope) {
    for (RefiModel.Value value : values) {
      if (domainVariables.contains(value.variableGuid())) {
        continue;
      }
      AttributeId id = definitions.get(List.of(value.variableGuid(), scope));
      RefiModel.Variable variable = variables.get(value.variableGuid());
      if (id == null || variable == null) {
        problems.add(
            Problem.error(
                value.location(),
                "A value refers to the unknown variable "
                    + value.variableGuid()
                    + ": not carried"));
        continue;
      }
      if (value.value().isBlank()) {
        continue;
      }
      AttributeType type = typeOf(variable);
      String text = value.value();
      if (type == AttributeType.DATE && text.length() > 10 && text.charAt(10) == 'T') {
        text = text.substring(0, 10);
      }
      try {
        tx.attributes().putValue(new AttributeValue(id, owner, type.canonical(text)));
        count.accept("attribute values");
      } catch (InvalidInputException e) {
        problems.add(
            Problem.error(
                value.location(),
                "A value of the variable "
                    + variable.name()
                    + " is not of its type: "
                    + e.getMessage()
                    + "; not carried"));
      }
    }
  }
}
