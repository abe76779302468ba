package org.fabrique.core.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.error.ConflictException;

/**
 * A map whose changes are undone when the transaction rolls back, with secondary indexes. Like a
 * table with a primary key: inserting a key twice, or updating or deleting a missing one, is a
 * {@link ConflictException}.
 */
final class Table<K, V> {
  private final Journal journal;
  private final Map<K, V> rows = new LinkedHashMap<>();

  Table(Journal journal) {
    this.journal = journal;
  }

  void put(K key, V value) {
    V before = rows.put(key, value);
    journal.record(
        () -> {
          if (before == null) {
            rows.remove(key);
          } else {
            rows.put(key, before);
          }
        });
  }

  /** Adds a row; a row with this key already there is a conflict, as a primary key makes it. */
  void insert(K key, V value) {
    if (rows.containsKey(key)) {
      throw MemoryRules.duplicateId();
    }
    put(key, value);
  }

  /** Replaces a row that must be there (another change may have removed it: a conflict). */
  void update(K key, V value, String what) {
    require(key, what);
    put(key, value);
  }

  /** Removes a row that must be there (another change may have removed it: a conflict). */
  void delete(K key, String what) {
    require(key, what);
    remove(key);
  }

  private void require(K key, String what) {
    if (!rows.containsKey(key)) {
      throw new ConflictException(what + " no longer exists");
    }
  }

  void remove(K key) {
    V before = rows.remove(key);
    if (before != null) {
      journal.record(() -> rows.put(key, before));
    }
  }

  Optional<V> get(K key) {
    return Optional.ofNullable(rows.get(key));
  }

  Collection<V> values() {
    return Collections.unmodifiableCollection(rows.values());
  }

  /** A one-to-many index whose changes are journaled too. */
  static final class Index<K, V> {
    private final Journal journal;
    private final Map<K, Set<V>> entries = new LinkedHashMap<>();

    Index(Journal journal) {
      this.journal = journal;
    }

    void add(K key, V value) {
      if (entries.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value)) {
        journal.record(() -> removeQuietly(key, value));
      }
    }

    void remove(K key, V value) {
      Set<V> values = entries.get(key);
      if (values != null && values.remove(value)) {
        journal.record(() -> entries.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value));
      }
    }

    List<V> get(K key) {
      return new ArrayList<>(entries.getOrDefault(key, Set.of()));
    }

    private void removeQuietly(K key, V value) {
      Set<V> values = entries.get(key);
      if (values != null) {
        values.remove(value);
      }
    }
  }
}
