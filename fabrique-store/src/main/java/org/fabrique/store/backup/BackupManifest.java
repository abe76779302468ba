package org.fabrique.store.backup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a backup holds, written last in its archive ({@code manifest.json}): the format, the
 * database it came from and its schema version, the next free id, every table with its columns and
 * row count, and the SHA-256 of every entry.
 */
public record BackupManifest(
    int format,
    String created,
    String dialect,
    String schemaVersion,
    long nextId,
    Map<String, List<String>> columns,
    Map<String, Long> rows,
    Map<String, String> entries) {
  public BackupManifest {
    columns = new LinkedHashMap<>(columns);
    rows = new LinkedHashMap<>(rows);
    entries = new LinkedHashMap<>(entries);
  }

  /** How many stored files the backup holds. */
  public long blobCount() {
    return entries.keySet().stream().filter(e -> e.startsWith(Backups.BLOBS)).count();
  }

  public long rowCount() {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }
}
