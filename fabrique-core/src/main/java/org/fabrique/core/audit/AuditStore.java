package org.fabrique.core.audit;

import java.util.List;

/**
 * Where the audit log is kept: entries are appended, never changed or deleted (the databases refuse
 * it with triggers).
 */
public interface AuditStore {
  void append(AuditEntry entry);

  /** The entries the query asks for, the most recent first. */
  List<AuditEntry> list(AuditQuery query);
}
