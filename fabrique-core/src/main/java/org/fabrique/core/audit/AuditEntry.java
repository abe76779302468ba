package org.fabrique.core.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.fabrique.core.inquiry.InquiryId;

/**
 * One line of the audit log, as kept: append-only, never changed or deleted.
 *
 * @param id its id, in the one id space
 * @param at when it happened
 * @param action what happened
 * @param actor the login of who did it, as it was then; empty when unknown (a failed sign-in with a
 *     login no account has)
 * @param inquiry the inquiry concerned, if any (kept after the inquiry is gone)
 * @param target what was acted on
 * @param profile the redaction profile of an export or download
 * @param address the network address the request came from
 * @param detail more about it, never field material
 */
public record AuditEntry(
    long id,
    Instant at,
    AuditAction action,
    Optional<String> actor,
    Optional<InquiryId> inquiry,
    String target,
    Optional<String> profile,
    Optional<String> address,
    String detail) {

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(inquiry, "inquiry");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(detail, "detail");
  }
}
