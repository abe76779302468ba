package org.fabrique.web.audit;

import io.javalin.http.Context;
import org.fabrique.core.audit.AuditAction;
import org.fabrique.core.audit.AuditEvent;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.web.auth.Gate;

/**
 * Writes in the audit log what a request sends out of the store: an export (material written out in
 * a format) or a download (a stored file as it is), by whom, from where, under which redaction
 * profile. {@code what} names a kind and a format, never a file name or field material.
 */
public final class Outgoing {
  private Outgoing() {}

  /** An export of an inquiry's material. */
  public static void export(
      AuditLog audit, Context ctx, InquiryId inquiry, String what, ExportProfile profile) {
    record(audit, ctx, AuditAction.EXPORT, inquiry, what, profile);
  }

  /** A download of a stored file. */
  public static void download(
      AuditLog audit, Context ctx, InquiryId inquiry, String what, ExportProfile profile) {
    record(audit, ctx, AuditAction.DOWNLOAD, inquiry, what, profile);
  }

  private static void record(
      AuditLog audit,
      Context ctx,
      AuditAction action,
      InquiryId inquiry,
      String what,
      ExportProfile profile) {
    audit.record(
        AuditEvent.of(action)
            .by(Gate.require(ctx).user().id())
            .in(inquiry)
            .about(what)
            .profile(profile.name())
            .from(Gate.address(ctx))
            .detail(ctx.path().startsWith("/api/") ? "API" : "web"));
  }
}
