package org.fabrique.store.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fabrique.core.audit.AuditAction;
import org.fabrique.core.audit.AuditEntry;
import org.fabrique.core.audit.AuditQuery;
import org.fabrique.core.audit.AuditStore;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.inquiry.InquiryId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The audit log in table {@code audit_log}, which triggers keep append-only. Times are written with
 * nine decimals so that their text sorts and compares as the instants do.
 */
public final class JdbcAuditStore implements AuditStore {
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final Handle handle;

  public JdbcAuditStore(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void append(AuditEntry entry) {
    handle
        .createUpdate(
            "INSERT INTO audit_log"
                + " (id, at, action, actor, inquiry_id, target, profile, address, detail)"
                + " VALUES (:id, :at, :action, :actor, :inquiry, :target, :profile, :address,"
                + " :detail)")
        .bind("id", entry.id())
        .bind("at", AT.format(entry.at()))
        .bind("action", entry.action().id())
        .bind("actor", entry.actor().orElse(null))
        .bind("inquiry", entry.inquiry().map(InquiryId::value).orElse(null))
        .bind("target", entry.target())
        .bind("profile", entry.profile().orElse(null))
        .bind("address", entry.address().orElse(null))
        .bind("detail", entry.detail())
        .execute();
  }

  @Override
  public List<AuditEntry> list(AuditQuery query) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, at, action, actor, inquiry_id, target, profile, address, detail"
                + " FROM audit_log WHERE 1 = 1");
    query.inquiry().ifPresent(i -> sql.append(" AND inquiry_id = :inquiry"));
    query.since().ifPresent(s -> sql.append(" AND at >= :since"));
    sql.append(" ORDER BY at DESC, id DESC LIMIT :limit");
    Query select = handle.createQuery(sql.toString()).bind("limit", query.limit());
    query.inquiry().ifPresent(i -> select.bind("inquiry", i.value()));
    query.since().ifPresent(s -> select.bind("since", AT.format(s)));
    return select.map((rs, context) -> entry(rs)).list();
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    String action = rs.getString("action");
    long inquiry = rs.getLong("inquiry_id");
    boolean noInquiry = rs.wasNull();
    return new AuditEntry(
        rs.getLong("id"),
        Instant.parse(rs.getString("at")),
        AuditAction.fromId(action)
            .orElseThrow(
                () -> new StorageException("The audit log holds an unknown action: " + action)),
        Optional.ofNullable(rs.getString("actor")),
        noInquiry ? Optional.empty() : Optional.of(new InquiryId(inquiry)),
        rs.getString("target"),
        Optional.ofNullable(rs.getString("profile")),
        Optional.ofNullable(rs.getString("address")),
        rs.getString("detail"));
  }
}
