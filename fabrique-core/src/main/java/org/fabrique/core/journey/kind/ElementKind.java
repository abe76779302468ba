package org.fabrique.core.journey.kind;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fabrique.core.history.Operation;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Flow;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.prov.ProvAttributes;
import org.fabrique.core.journey.prov.ProvContext;
import org.fabrique.core.memo.ItemKind;

/**
 * Everything Fabrique knows how to do with one kind of journey element, in one place: its type id,
 * its operations, its rules, what the graph shows of it, its PROV and OpenLineage mappings and its
 * form. Adding a kind of element means writing its record and its descriptor and listing the
 * descriptor in {@link ElementKinds}; nothing else switches on kinds.
 *
 * <p>The public methods take any element and check its kind; subclasses implement the typed hooks.
 *
 * @param <T> the record of the kind
 */
public abstract class ElementKind<T extends JourneyElement> {
  private final ItemKind itemKind;
  private final Class<T> type;
  private final KindOperations<T> operations;

  protected ElementKind(ItemKind itemKind, Class<T> type, KindOperations<T> operations) {
    this.itemKind = Objects.requireNonNull(itemKind, "itemKind");
    this.type = Objects.requireNonNull(type, "type");
    this.operations = Objects.requireNonNull(operations, "operations");
  }

  // ---- Identity ----

  /** The kind as items are referred to (memos, evidence, participations). */
  public ItemKind itemKind() {
    return itemKind;
  }

  /** The stable type id ({@code data-object}), used in the database, URLs, exports and messages. */
  public String id() {
    return itemKind.id();
  }

  public Class<T> type() {
    return type;
  }

  /** The stored prefix of the kind's operation type ids ({@code journey.claim}). */
  public String operationPrefix() {
    return operations.prefix();
  }

  public boolean isKindOf(JourneyElement element) {
    return type.isInstance(element);
  }

  public T cast(JourneyElement element) {
    if (!type.isInstance(element)) {
      throw new IllegalArgumentException(
          "Element " + element.id() + " is a " + element.kind().id() + ", not a " + id());
    }
    return type.cast(element);
  }

  // ---- Operations (stored in the history by type id) ----

  /** The kind's three operation types with their stored ids, to register. */
  public final List<Map.Entry<String, Class<? extends Operation>>> operationTypes() {
    return operations.types();
  }

  public final Operation create(JourneyElement element) {
    return operations.create().apply(cast(element));
  }

  public final Operation update(JourneyElement element) {
    return operations.update().apply(cast(element));
  }

  public final Operation delete(ElementId id) {
    return operations.delete().apply(id);
  }

  // ---- The element ----

  /** The inputs and outputs the element carries (only interventions have any). */
  public final List<Flow> flows(JourneyElement element) {
    return flowsOf(cast(element));
  }

  /** Whether elements of this kind carry inputs and outputs (the lineage graph's edges). */
  public boolean carriesFlows() {
    return false;
  }

  /** Whether actors take roles in elements of this kind (participations). */
  public abstract boolean takesParticipants();

  protected List<Flow> flowsOf(T element) {
    return List.of();
  }

  // ---- Rules ----

  /** The refusal when an element of this kind has no label. */
  public String missingLabel() {
    return "A " + id().replace('-', ' ') + " needs a label";
  }

  /** Checks the kind's own fields; the header is checked by the caller. */
  public final void check(JourneyElement element, ElementRules rules) {
    rules(cast(element), rules);
  }

  protected abstract void rules(T element, ElementRules rules);

  // ---- Graph ----

  public final GraphFacts graph(JourneyElement element) {
    return facts(cast(element));
  }

  protected abstract GraphFacts facts(T element);

  // ---- Queries ----

  /** What journey queries filter and show of the element beyond its graph facts. */
  public final QueryFacts queryFacts(JourneyElement element) {
    return query(cast(element));
  }

  protected abstract QueryFacts query(T element);

  // ---- PROV ----

  /** Writes the element's PROV statements (and those of the relations it owns). */
  public final void prov(JourneyElement element, ProvContext prov) {
    mapProv(cast(element), prov);
  }

  protected abstract void mapProv(T element, ProvContext prov);

  /** The attributes every element carries in PROV: label, description, how known, level. */
  protected static ProvAttributes headerAttributes(JourneyElement element) {
    ElementHeader header = element.header();
    return ProvAttributes.of()
        .label(header.label())
        .text("description", header.description())
        .text("knownBy", header.knownBy().id())
        .text("confidentiality", header.confidentiality().id());
  }

  // ---- OpenLineage ----

  public abstract LineageRole lineageRole();

  public abstract LineageFacet lineageFacet();

  /** The interventions or data objects whose facet carries the element's entry. */
  public final List<ElementId> lineageTargets(JourneyElement element, LineageContext context) {
    return attachedTo(cast(element), context);
  }

  /** The element's entry (JSON as maps, lists, strings, numbers and booleans); empty: none. */
  public final Map<String, Object> lineageEntry(JourneyElement element, LineageContext context) {
    return entry(cast(element), context);
  }

  protected abstract List<ElementId> attachedTo(T element, LineageContext context);

  protected abstract Map<String, Object> entry(T element, LineageContext context);

  // ---- Form ----

  /** The path segment of the form that adds elements of this kind to a case's journey. */
  public abstract String formPath();

  /** The message key of the form's heading. */
  public abstract String addKey();

  /** The field holding the header's label, which every element has: by default, its label. */
  public FormField labelField() {
    return FormField.of("label", "journey.label", FieldType.TEXT).mandatory();
  }

  /** The kind's own fields, in the order the forms and the page show them. */
  public abstract List<FormField> fields();

  /** The rows the element's page adds and removes one by one. */
  public List<RowList<T>> rows() {
    return List.of();
  }

  /** A new element from the form that adds one. */
  public final JourneyElement fromForm(ElementHeader header, FormInput input) {
    return read(header, input);
  }

  /** The element changed by the edit form; fields the form did not send keep their values. */
  public final JourneyElement edit(JourneyElement element, ElementHeader header, FormInput input) {
    return reread(cast(element), header, input);
  }

  /** The current values of the fields, by name, as a form sends them. */
  public final Map<String, List<String>> formValues(JourneyElement element) {
    return values(cast(element));
  }

  /** The rows of a list of an element, by the list's name. */
  public final java.util.Optional<RowList<T>> rowList(String name) {
    return rows().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** The element with one more row in a list, read from the form. */
  public final JourneyElement addRow(String list, JourneyElement element, FormInput input) {
    return rows(list).add(cast(element), input);
  }

  /** The element without a row of a list. */
  public final JourneyElement removeRow(String list, JourneyElement element, long row) {
    return rows(list).remove(cast(element), row);
  }

  /** How many rows a list of the element has. */
  public final int rowCount(String list, JourneyElement element) {
    return rows(list).size(cast(element));
  }

  /** The values of a row, by field name. */
  public final Map<String, List<String>> rowValues(String list, JourneyElement element, int row) {
    return rows(list).values(cast(element), row);
  }

  private RowList<T> rows(String list) {
    return rowList(list)
        .orElseThrow(
            () ->
                new org.fabrique.core.error.NotFoundException(
                    "A " + id() + " has no list of " + list));
  }

  protected abstract T read(ElementHeader header, FormInput input);

  protected abstract T reread(T element, ElementHeader header, FormInput input);

  protected abstract Map<String, List<String>> values(T element);

  @Override
  public String toString() {
    return "ElementKind[" + id() + "]";
  }
}
