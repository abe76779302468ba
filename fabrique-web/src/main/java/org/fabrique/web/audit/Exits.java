package org.fabrique.web.audit;

import io.javalin.http.Context;
import org.fabrique.core.audit.AuditAction;
import org.fabrique.core.audit.AuditEvent;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.UserId;

/**
 * Writes in the audit log what a request sends out of the server: what, under which redaction
 * profile, by whom, from where. Only kinds and ids: never a title or a file name users chose.
 */
public final class Exits {
  private Exits() {}

  /** A download of material of an inquiry. */
  public static void download(
      AuditLog audit, Context ctx, UserId user, InquiryId inquiry, String what, String profile) {
    audit.record(
        AuditEvent.of(AuditAction.DOWNLOAD)
            .by(user)
            .in(inquiry)
            .about(what)
            .profile(profile)
            .from(ctx.ip()));
  }
}
