package org.fabrique.app.cli;

import org.fabrique.app.Workbench;
import org.fabrique.core.audit.AuditAction;
import org.fabrique.core.audit.AuditEvent;

/**
 * Writes in the audit log what a command sent out of the store, as the local user: what (a kind and
 * a format, never the file name chosen), under which redaction profile.
 */
final class Exports {
  private Exports() {}

  /** A backup: everything, of every inquiry. */
  static void backup(Workbench workbench, boolean encrypted) {
    workbench
        .fabrique()
        .audit()
        .record(
            AuditEvent.of(AuditAction.EXPORT)
                .by(workbench.fabrique().users().defaultUser().id())
                .about("backup")
                .profile("internal")
                .detail(encrypted ? "command line, encrypted" : "command line, not encrypted"));
  }
}
