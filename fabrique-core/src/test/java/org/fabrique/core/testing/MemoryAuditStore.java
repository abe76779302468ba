package org.fabrique.core.testing;

import java.util.Comparator;
import java.util.List;
import org.fabrique.core.audit.AuditEntry;
import org.fabrique.core.audit.AuditQuery;
import org.fabrique.core.audit.AuditStore;

/** The audit log in memory: appended entries, listed as the databases list them. */
final class MemoryAuditStore implements AuditStore {
  private final Table<Long, AuditEntry> entries;

  MemoryAuditStore(Journal journal) {
    entries = new Table<>(journal);
  }

  @Override
  public void append(AuditEntry entry) {
    entries.insert(entry.id(), entry);
  }

  @Override
  public List<AuditEntry> list(AuditQuery query) {
    return entries.values().stream()
        .filter(e -> query.inquiry().isEmpty() || e.inquiry().equals(query.inquiry()))
        .filter(e -> query.since().isEmpty() || !e.at().isBefore(query.since().get()))
        .sorted(Comparator.comparing(AuditEntry::at).thenComparingLong(AuditEntry::id).reversed())
        .limit(query.limit())
        .toList();
  }
}
