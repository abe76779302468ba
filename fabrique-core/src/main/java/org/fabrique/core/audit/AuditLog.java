package org.fabrique.core.audit;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.history.Operation;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.store.Store;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserId;

/**
 * The audit log: who signed in or failed to, used a token, changed members and roles, exported or
 * downloaded what under which redaction profile, deleted or purged what. Separate from the history
 * (undo never touches it), append-only, and it never holds field material (decision 0009).
 */
public final class AuditLog {
  /** The type of the operation that purges sources (core.erasure). */
  private static final String PURGE_TYPE = "history.purge";

  private final Store store;
  private final Clock clock;

  public AuditLog(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Writes an entry in its own transaction. */
  public void record(AuditEvent event) {
    store.inTransaction(
        tx -> {
          record(tx, event);
          return null;
        });
  }

  /** Writes an entry inside the caller's transaction: it is kept only if the action is. */
  public void record(Transaction tx, AuditEvent event) {
    Optional<String> actor =
        event
            .user()
            .flatMap(id -> tx.users().find(id))
            .map(User::login)
            .or(
                () ->
                    event.login().flatMap(given -> tx.users().findByLogin(given)).map(User::login));
    tx.audit()
        .append(
            new AuditEntry(
                tx.newId(),
                clock.instant(),
                event.action(),
                actor,
                event.inquiry(),
                event.target(),
                event.profile(),
                event.address(),
                event.detail()));
  }

  /**
   * Called by the history for each operation it applies: deletions and purges are written down, in
   * the same transaction, by their type and description (which hold ids, never field material).
   */
  public void applied(Transaction tx, InquiryId inquiry, UserId user, Operation operation) {
    String type = operation.type();
    Optional<AuditAction> action =
        type.equals(PURGE_TYPE)
            ? Optional.of(AuditAction.PURGE)
            : type.endsWith(".delete") ? Optional.of(AuditAction.DELETION) : Optional.empty();
    action.ifPresent(
        a ->
            record(
                tx,
                AuditEvent.of(a).by(user).in(inquiry).about(type).detail(operation.describe())));
  }

  /** The entries the query asks for, the most recent first. */
  public List<AuditEntry> list(AuditQuery query) {
    return store.inTransaction(tx -> tx.audit().list(query));
  }
}
