package org.fabrique.core.journey.kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.history.Operation;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.memo.ItemKind;

/**
 * The table of journey element kinds: one {@link ElementKind} per kind, in the order the interface
 * lists them. Everything that treats kinds differently asks this table.
 */
public final class ElementKinds {
  private static final List<ElementKind<?>> ALL =
      List.of(
          new InterventionKind(),
          new DataObjectKind(),
          new ActorKind(),
          new ChoiceKind(),
          new TensionKind(),
          new KnowledgeClaimKind(),
          new UseKind(),
          new ProcedureKind());

  private static final Map<ItemKind, ElementKind<?>> BY_KIND = new LinkedHashMap<>();

  static {
    for (ElementKind<?> kind : ALL) {
      if (BY_KIND.put(kind.itemKind(), kind) != null) {
        throw new IllegalStateException("Two descriptors for kind " + kind.id());
      }
    }
  }

  private ElementKinds() {}

  /** Every kind, in the order the interface lists them. */
  public static List<ElementKind<?>> all() {
    return ALL;
  }

  /** The descriptor of an element's kind. */
  public static ElementKind<?> of(JourneyElement element) {
    return of(element.kind());
  }

  /** The descriptor of a kind of journey element. */
  public static ElementKind<?> of(ItemKind kind) {
    ElementKind<?> found = BY_KIND.get(kind);
    if (found == null) {
      throw new IllegalArgumentException("Not a kind of journey element: " + kind.id());
    }
    return found;
  }

  /** The descriptor of a kind, if it is one of journey elements. */
  public static Optional<ElementKind<?>> find(ItemKind kind) {
    return Optional.ofNullable(BY_KIND.get(kind));
  }

  /** The descriptor of a record class. */
  public static <T extends JourneyElement> ElementKind<T> of(Class<T> type) {
    for (ElementKind<?> kind : ALL) {
      if (kind.type() == type) {
        @SuppressWarnings("unchecked")
        ElementKind<T> typed = (ElementKind<T>) kind;
        return typed;
      }
    }
    throw new IllegalArgumentException("Not a journey element type: " + type.getName());
  }

  /** The descriptor whose add form lives at this path segment ({@code data-objects}). */
  public static Optional<ElementKind<?>> byFormPath(String path) {
    return ALL.stream().filter(k -> k.formPath().equals(path)).findFirst();
  }

  /** Every kind's operation types, to register with the history. */
  public static List<Map.Entry<String, Class<? extends Operation>>> operationTypes() {
    List<Map.Entry<String, Class<? extends Operation>>> types = new ArrayList<>();
    ALL.forEach(k -> types.addAll(k.operationTypes()));
    return List.copyOf(types);
  }
}
