package org.fabrique.core.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What the in-memory history stores read in operations to empty the lines a purge concerns: the ids
 * of items (fields named {@code id} or ending in {@code Id}) and the digests of stored files, as
 * the JDBC store reads them in the JSON of its lines.
 */
public final class OperationItems {
  private OperationItems() {}

  /** Whether an operation refers to one of the item ids. */
  public static boolean mentions(Object value, Set<Long> ids) {
    return walk(value, "", ids, null);
  }

  /** Adds the digests of stored files an operation refers to. */
  public static void digests(Object value, Set<String> out) {
    walk(value, "", Set.of(), out);
  }

  private static boolean walk(Object value, String name, Set<Long> ids, Set<String> digests) {
    if (value == null) {
      return false;
    }
    if (value instanceof Optional<?> optional) {
      return optional.isPresent() && walk(optional.get(), name, ids, digests);
    }
    if (value instanceof Collection<?> items) {
      boolean found = false;
      for (Object item : items) {
        found |= walk(item, name, ids, digests);
      }
      return found;
    }
    boolean idField = name.equals("id") || name.endsWith("Id");
    if (value instanceof Long number) {
      return idField && ids.contains(number);
    }
    if (value instanceof String text) {
      if (digests != null && name.endsWith("Digest")) {
        digests.add(text);
      }
      return false;
    }
    if (!value.getClass().isRecord()) {
      return false;
    }
    RecordComponent[] components = value.getClass().getRecordComponents();
    if (idField && components.length == 1 && components[0].getType() == long.class) {
      return ids.contains((Long) read(value, components[0]));
    }
    boolean found = false;
    for (RecordComponent component : components) {
      found |= walk(read(value, component), component.getName(), ids, digests);
    }
    return found;
  }

  private static Object read(Object record, RecordComponent component) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }
}
