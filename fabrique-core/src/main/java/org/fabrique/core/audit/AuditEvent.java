package org.fabrique.core.audit;

import java.util.Objects;
import java.util.Optional;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.UserId;

/**
 * Something to write in the audit log, before the log gives it an id and a time. Built from its
 * action: {@code AuditEvent.of(AuditAction.EXPORT).by(user).in(inquiry).about("codings
 * csv").profile("team")}. Never put field material in it: only ids, kinds, counts, formats and
 * profile names.
 *
 * @param action what happened
 * @param user who did it, when known
 * @param login the login given, for a sign-in of an account that may not exist: kept only when the
 *     account exists, so that a password typed in the wrong field is not written down
 * @param inquiry the inquiry concerned, if any
 * @param target what was acted on: {@code source 12}, {@code codings.csv}, {@code user anne}
 * @param profile the redaction profile of an export or download
 * @param address the network address the request came from
 * @param detail more about it, without field material: a format, a count, a reason
 */
public record AuditEvent(
    AuditAction action,
    Optional<UserId> user,
    Optional<String> login,
    Optional<InquiryId> inquiry,
    String target,
    Optional<String> profile,
    Optional<String> address,
    String detail) {

  public AuditEvent {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(inquiry, "inquiry");
    target = target == null ? "" : target;
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(address, "address");
    detail = detail == null ? "" : detail;
  }

  public static AuditEvent of(AuditAction action) {
    return new AuditEvent(
        action,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "",
        Optional.empty(),
        Optional.empty(),
        "");
  }

  public AuditEvent by(UserId who) {
    return new AuditEvent(
        action, Optional.of(who), login, inquiry, target, profile, address, detail);
  }

  /** A login as given at sign-in; the log keeps it only when such an account exists. */
  public AuditEvent login(String given) {
    return new AuditEvent(
        action, user, Optional.ofNullable(given), inquiry, target, profile, address, detail);
  }

  public AuditEvent in(InquiryId where) {
    return new AuditEvent(
        action, user, login, Optional.of(where), target, profile, address, detail);
  }

  public AuditEvent about(String what) {
    return new AuditEvent(action, user, login, inquiry, what, profile, address, detail);
  }

  public AuditEvent profile(String name) {
    return new AuditEvent(action, user, login, inquiry, target, Optional.of(name), address, detail);
  }

  public AuditEvent from(String networkAddress) {
    return new AuditEvent(
        action, user, login, inquiry, target, profile, Optional.ofNullable(networkAddress), detail);
  }

  public AuditEvent detail(String more) {
    return new AuditEvent(action, user, login, inquiry, target, profile, address, more);
  }
}
