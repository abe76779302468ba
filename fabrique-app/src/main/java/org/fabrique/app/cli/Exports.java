package org.fabrique.app.cli;

import org.fabrique.app.Workbench;
import org.fabrique.core.audit.AuditAction;
import org.fabrique.core.audit.AuditEvent;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.redaction.ExportProfile;

/**
 * Writes in the audit log what a command sent out of the store, as the local user: what (a kind and
 * a format, never the file name chosen), under which redaction profile.
 */
final class Exports {
  private Exports() {}

  /** An export of an inquiry's material, once it is written. */
  static void export(Workbench workbench, InquiryId inquiry, String what, ExportProfile profile) {
    record(
        workbench,
        AuditEvent.of(AuditAction.EXPORT)
            .in(inquiry)
            .about(what)
            .profile(profile.name())
            .detail("command line"));
  }

  /** A backup: everything, of every inquiry. */
  static void backup(Workbench workbench, boolean encrypted) {
    record(
        workbench,
        AuditEvent.of(AuditAction.EXPORT)
            .about("backup")
            .profile("internal")
            .detail(encrypted ? "command line, encrypted" : "command line, not encrypted"));
  }

  /** A case's dossier, under a profile, in a format (pdf or html). */
  static void dossier(Workbench workbench, Case theCase, String profile, String format) {
    record(
        workbench,
        AuditEvent.of(AuditAction.EXPORT)
            .in(theCase.inquiryId())
            .about("dossier")
            .profile(profile)
            .detail("command line, case " + theCase.id().value() + ", " + format));
  }

  /** Records an event as done by the local user. */
  private static void record(Workbench workbench, AuditEvent event) {
    workbench.fabrique().audit().record(event.by(workbench.fabrique().users().defaultUser().id()));
  }
}
