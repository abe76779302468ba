package org.fabrique.store.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import org.fabrique.core.error.StorageException;

/**
 * What the JSON of a history line refers to: the ids of items (fields named {@code id} or ending in
 * {@code Id}; ids are unique across every kind of item) and the digests of stored files.
 */
public final class ItemIds {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ItemIds() {}

  /** Whether the JSON of an operation refers to one of the item ids. */
  static boolean mentioned(String json, Set<Long> ids) {
    return walk(tree(json), "", ids, null);
  }

  /** Adds the digests of stored files the JSON of an operation refers to. */
  public static void digests(String json, Set<String> out) {
    walk(tree(json), "", Set.of(), out);
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StorageException("A history line cannot be read", e);
    }
  }

  private static boolean walk(JsonNode node, String name, Set<Long> ids, Set<String> digests) {
    boolean idField = name.equals("id") || name.endsWith("Id") || name.equals("sources");
    if (node.isIntegralNumber()) {
      return idField && ids.contains(node.longValue());
    }
    if (node.isTextual()) {
      if (digests != null && name.endsWith("Digest")) {
        digests.add(node.textValue());
      }
      return false;
    }
    boolean found = false;
    if (node.isArray()) {
      for (JsonNode item : node) {
        found |= walk(item, name, ids, digests);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        found |= walk(field.getValue(), field.getKey(), ids, digests);
      }
    }
    return found;
  }
}
