package org.fabrique.core.journey.kind;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.fabrique.core.history.Operation;
import org.fabrique.core.journey.ElementId;

/**
 * The three operations of a kind of element: their records and how to make each. The history stores
 * them under the prefix followed by {@code .create}, {@code .update} and {@code .delete}.
 *
 * @param prefix the stored prefix of the type ids ({@code journey.claim}); part of the history's
 *     format, never changed
 * @param <T> the record of the kind
 */
public record KindOperations<T>(
    String prefix,
    Class<? extends Operation> createType,
    Function<T, Operation> create,
    Class<? extends Operation> updateType,
    Function<T, Operation> update,
    Class<? extends Operation> deleteType,
    Function<ElementId, Operation> delete) {

  public KindOperations {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(createType, "createType");
    Objects.requireNonNull(create, "create");
    Objects.requireNonNull(updateType, "updateType");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(deleteType, "deleteType");
    Objects.requireNonNull(delete, "delete");
  }

  /** The three operation types with their stored ids, to register. */
  public List<Map.Entry<String, Class<? extends Operation>>> types() {
    return List.of(
        Map.entry(prefix + ".create", createType),
        Map.entry(prefix + ".update", updateType),
        Map.entry(prefix + ".delete", deleteType));
  }
}
