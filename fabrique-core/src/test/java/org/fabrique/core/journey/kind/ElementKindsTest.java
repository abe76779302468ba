package org.fabrique.core.journey.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.OperationTypes;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.Participation;
import org.fabrique.core.journey.prov.ProvContext;
import org.fabrique.core.journey.prov.ProvName;
import org.fabrique.core.journey.prov.ProvStatement;
import org.fabrique.core.journey.prov.Sensitive;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.vocabulary.VocabularyName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of journey element has a descriptor, and every descriptor has all its parts. */
class ElementKindsTest {
  private static final Map<ItemKind, JourneyElement> SAMPLES = ElementSamples.all();

  static List<ElementKind<?>> kinds() {
    return ElementKinds.all();
  }

  @Test
  void everyKindOfJourneyElementHasExactlyOneDescriptor() {
    Set<Class<?>> permitted = Set.of(JourneyElement.class.getPermittedSubclasses());
    Set<Class<?>> described =
        ElementKinds.all().stream().map(ElementKind::type).collect(Collectors.toSet());
    assertEquals(permitted, described);
    assertEquals(permitted.size(), ElementKinds.all().size());
    assertEquals(
        ElementKinds.all().size(),
        ElementKinds.all().stream().map(ElementKind::formPath).distinct().count(),
        "one form path per kind");
  }

  @Test
  void everyKindHasASample() {
    assertEquals(
        ElementKinds.all().stream().map(ElementKind::itemKind).collect(Collectors.toSet()),
        SAMPLES.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void itsOperationsAreRegisteredUnderTheirStoredIds(ElementKind<?> kind) {
    List<Map.Entry<String, Class<? extends Operation>>> types = kind.operationTypes();
    assertEquals(
        List.of(
            kind.operationPrefix() + ".create",
            kind.operationPrefix() + ".update",
            kind.operationPrefix() + ".delete"),
        types.stream().map(Map.Entry::getKey).toList());
    for (Map.Entry<String, Class<? extends Operation>> type : types) {
      assertEquals(type.getKey(), OperationTypes.idOf(type.getValue()));
    }
    JourneyElement sample = SAMPLES.get(kind.itemKind());
    assertEquals(types.get(0).getValue(), kind.create(sample).getClass());
    assertEquals(types.get(1).getValue(), kind.update(sample).getClass());
    assertEquals(types.get(2).getValue(), kind.delete(sample.id()).getClass());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void itsRulesCheckEveryReferenceOfTheElement(ElementKind<?> kind) {
    JourneyElement sample = SAMPLES.get(kind.itemKind());
    Set<ElementId> checked = new HashSet<>();
    List<String> problems = new ArrayList<>();
    kind.check(
        sample,
        new ElementRules() {
          @Override
          public void problem(String message) {
            problems.add(message);
          }

          @Override
          public void term(VocabularyName vocabulary, String term) {}

          @Override
          public void ref(ElementId id, ItemKind... kinds) {
            checked.add(id);
            ItemKind actual =
                ElementSamples.journey().stream()
                    .filter(e -> e.id().equals(id))
                    .findFirst()
                    .orElseThrow()
                    .kind();
            if (!List.of(kinds).contains(actual)) {
              problems.add(id + " is a " + actual.id());
            }
          }
        });
    assertEquals(List.of(), problems);
    assertEquals(new HashSet<>(sample.references()), checked);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void itsFormShowsBackWhatItReads(ElementKind<?> kind) {
    JourneyElement sample = SAMPLES.get(kind.itemKind());
    Map<String, List<String>> values = new LinkedHashMap<>(kind.formValues(sample));
    Set<String> names = new LinkedHashSet<>();
    kind.fields().forEach(f -> names.add(f.name()));
    assertTrue(names.containsAll(values.keySet()), values.keySet() + " not all in " + names);
    assertNotNull(kind.labelField());
    assertFalse(kind.addKey().isEmpty());
    // a secret is never shown back: an edit that leaves it empty keeps it
    kind.fields().stream()
        .filter(f -> f.type() == FieldType.SECRET)
        .forEach(f -> values.put(f.name(), List.of("")));
    assertEquals(sample, kind.edit(sample, sample.header(), FormInput.of(values)));
    assertEquals(sample, kind.edit(sample, sample.header(), FormInput.of(Map.of())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void itsRowsAreAddedAndRemovedWithTheirOwnFields(ElementKind<?> kind) {
    JourneyElement sample = SAMPLES.get(kind.itemKind());
    for (RowList<?> list : kind.rows()) {
      int before = kind.rowCount(list.name(), sample);
      Map<String, List<String>> row = kind.rowValues(list.name(), sample, 0);
      JourneyElement added = kind.addRow(list.name(), sample, FormInput.of(row));
      assertEquals(before + 1, kind.rowCount(list.name(), added));
      assertEquals(row.keySet(), kind.rowValues(list.name(), added, before).keySet());
      JourneyElement removed = kind.removeRow(list.name(), added, before);
      assertEquals(before, kind.rowCount(list.name(), removed));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void itsProvMappingNamesTheElementAndOnlyExportedElements(ElementKind<?> kind) {
    JourneyElement sample = SAMPLES.get(kind.itemKind());
    Map<ElementId, JourneyElement> exported = new HashMap<>();
    ElementSamples.journey().forEach(e -> exported.put(e.id(), e));
    List<ProvStatement> statements = new ArrayList<>();
    int[] relations = {0};
    ProvContext context =
        new ProvContext() {
          @Override
          public ProvName name(JourneyElement element) {
            return ProvName.element(element.kind().id() + "-" + element.id());
          }

          @Override
          public Optional<JourneyElement> exported(ElementId id) {
            return Optional.ofNullable(exported.get(id));
          }

          @Override
          public ProvName relation() {
            return ProvName.element("r" + (++relations[0]));
          }

          @Override
          public org.fabrique.core.journey.DatasetVersions versions() {
            return org.fabrique.core.journey.DatasetVersions.ofElements(exported.values());
          }

          @Override
          public void add(JourneyElement owner, ProvStatement statement) {
            assertEquals(sample, owner);
            statements.add(statement);
          }

          @Override
          public boolean discloses(Sensitive what) {
            return false;
          }
        };
    kind.prov(sample, context);
    ProvName self = context.name(sample);
    assertTrue(
        statements.stream()
            .anyMatch(
                s ->
                    s instanceof ProvStatement.Entity e && e.id().equals(self)
                        || s instanceof ProvStatement.Activity a && a.id().equals(self)
                        || s instanceof ProvStatement.Agent g && g.id().equals(self)),
        statements.toString());
    assertFalse(statements.toString().contains("Jeanne Martin"), "no real name by default");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void itsOpenLineageMappingSaysWhereItGoes(ElementKind<?> kind) {
    JourneyElement sample = SAMPLES.get(kind.itemKind());
    LineageFacet facet = kind.lineageFacet();
    assertTrue(facet.key().startsWith("fabrique_"), facet.key());
    assertEquals(kind.lineageRole() == LineageRole.FACET_ENTRY, !facet.listKey().isEmpty());
    Map<ElementId, JourneyElement> exported = new HashMap<>();
    ElementSamples.journey().forEach(e -> exported.put(e.id(), e));
    LineageContext context =
        new LineageContext() {
          @Override
          public Optional<JourneyElement> exported(ElementId id) {
            return Optional.ofNullable(exported.get(id));
          }

          @Override
          public List<JourneyElement> referencing(ElementId id) {
            return exported.values().stream().filter(e -> e.references().contains(id)).toList();
          }

          @Override
          public List<Participation> participationsOf(JourneyElement element) {
            return List.of(
                new Participation(
                    new ElementId(99),
                    ElementSamples.INQUIRY,
                    new ElementId(30),
                    "data-manager",
                    SAMPLES.get(ItemKind.INTERVENTION).ref()));
          }

          @Override
          public List<Map<String, Object>> evidence(JourneyElement element) {
            return List.of(Map.of("id", "evidence-1"));
          }

          @Override
          public String iri(VocabularyName vocabulary, String term) {
            return "";
          }

          @Override
          public boolean discloses(Sensitive what) {
            return false;
          }
        };
    assertFalse(kind.lineageEntry(sample, context).isEmpty());
    List<ElementId> targets = kind.lineageTargets(sample, context);
    assertFalse(targets.isEmpty(), "the entry goes on some job or dataset");
    for (ElementId target : targets) {
      ItemKind targetKind = exported.get(target).kind();
      assertTrue(
          targetKind == ItemKind.INTERVENTION || targetKind == ItemKind.DATA_OBJECT,
          target + " is a " + targetKind.id());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void itsGraphFactsStartOnlyFromOrAtTheElement(ElementKind<?> kind) {
    JourneyElement sample = SAMPLES.get(kind.itemKind());
    GraphFacts facts = kind.graph(sample);
    for (GraphEdge edge : facts.edges()) {
      assertTrue(edge.from().equals(sample.id()) || edge.to().equals(sample.id()), edge.toString());
    }
  }
}
