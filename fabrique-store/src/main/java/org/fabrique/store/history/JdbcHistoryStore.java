package org.fabrique.store.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.fabrique.core.history.HistoryEntry;
import org.fabrique.core.history.HistoryStore;
import org.fabrique.core.history.Operation;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.UserId;
import org.fabrique.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The history in table {@code history}: one row per line, the operation and its inverse as JSON
 * under their type ids. Lines take their ids from the database's one id space, so a user's lines
 * are ordered by id. Kinds and statuses are stored in lower case ({@code do}, {@code active}…).
 */
public final class JdbcHistoryStore implements HistoryStore {
  private static final String COLUMNS =
      "h.id, h.inquiry_id, h.user_id, h.recorded_at, h.kind, h.target_id, h.status,"
          + " h.operation_type, h.operation_json, h.inverse_type, h.inverse_json";

  private final Handle handle;
  private final LongSupplier ids;
  private final OperationCodec codec;
  private final String lockClause;

  /**
   * @param ids the transaction's id allocator
   * @param lockClause appended to the queries that pick a line to undo or redo, so that two
   *     concurrent undos of one user cannot pick the same line (" FOR UPDATE" on PostgreSQL)
   */
  public JdbcHistoryStore(
      Handle handle, LongSupplier ids, OperationCodec codec, String lockClause) {
    this.handle = handle;
    this.ids = ids;
    this.codec = codec;
    this.lockClause = lockClause;
  }

  @Override
  public long append(HistoryEntry entry) {
    long id = ids.getAsLong();
    handle
        .createUpdate(
            """
            INSERT INTO history (id, inquiry_id, user_id, recorded_at, kind, target_id, status,
              operation_type, operation_json, inverse_type, inverse_json)
            VALUES (:id, :inquiryId, :userId, :at, :kind, :target, :status,
              :operationType, :operationJson, :inverseType, :inverseJson)""")
        .bind("id", id)
        .bind("inquiryId", entry.inquiryId().value())
        .bind("userId", entry.userId().value())
        .bind("at", entry.at().toString())
        .bind("kind", entry.kind().name().toLowerCase(Locale.ROOT))
        .bind("target", entry.target() == 0 ? null : Long.valueOf(entry.target()))
        .bind("status", statusId(entry.status()))
        .bind("operationType", codec.typeOf(entry.operation()))
        .bind("operationJson", codec.write(entry.operation()))
        .bind("inverseType", codec.typeOf(entry.inverse()))
        .bind("inverseJson", codec.write(entry.inverse()))
        .execute();
    return id;
  }

  @Override
  public void update(long entryId, HistoryEntry.Status status, Operation inverse) {
    int rows =
        handle
            .createUpdate(
                """
                UPDATE history SET status = :status, inverse_type = :inverseType,
                  inverse_json = :inverseJson
                WHERE id = :id AND kind = 'do'""")
            .bind("id", entryId)
            .bind("status", statusId(status))
            .bind("inverseType", codec.typeOf(inverse))
            .bind("inverseJson", codec.write(inverse))
            .execute();
    Rows.requireOne(rows, "History line " + entryId);
  }

  @Override
  public Optional<HistoryEntry> find(long entryId) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM history h WHERE h.id = :id")
        .bind("id", entryId)
        .map(this::entry)
        .findOne();
  }

  @Override
  public Optional<HistoryEntry> lastActive(InquiryId inquiry, UserId user) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + """
                 FROM history h
                WHERE h.inquiry_id = :inquiry AND h.user_id = :user AND h.status = 'active'
                  AND h.kind = 'do'
                ORDER BY h.id DESC LIMIT 1"""
                + lockClause)
        .bind("inquiry", inquiry.value())
        .bind("user", user.value())
        .map(this::entry)
        .findOne();
  }

  /** The DO line whose most recent UNDO line is the user's latest, while it is still undone. */
  @Override
  public Optional<HistoryEntry> lastUndone(InquiryId inquiry, UserId user) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + """
                 FROM history u JOIN history h ON h.id = u.target_id
                WHERE u.inquiry_id = :inquiry AND u.user_id = :user AND u.status = 'active'
                  AND u.kind = 'undo' AND h.status = 'undone'
                ORDER BY u.id DESC LIMIT 1"""
                + (lockClause.isEmpty() ? "" : lockClause + " OF h"))
        .bind("inquiry", inquiry.value())
        .bind("user", user.value())
        .map(this::entry)
        .findOne();
  }

  @Override
  public void discardUndone(InquiryId inquiry, UserId user) {
    handle
        .createUpdate(
            """
            UPDATE history SET status = 'discarded'
            WHERE inquiry_id = :inquiry AND user_id = :user AND status = 'undone'""")
        .bind("inquiry", inquiry.value())
        .bind("user", user.value())
        .execute();
  }

  @Override
  public List<HistoryEntry> recent(InquiryId inquiry, int limit) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM history h WHERE h.inquiry_id = :inquiry ORDER BY h.id DESC LIMIT :limit")
        .bind("inquiry", inquiry.value())
        .bind("limit", Math.max(0, limit))
        .map(this::entry)
        .list();
  }

  @Override
  public Optional<HistoryEntry> line(long entryId) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM history h WHERE h.id = :id")
        .bind("id", entryId)
        .map(this::entry)
        .findOne();
  }

  @Override
  public long latest(InquiryId inquiry) {
    return handle
        .createQuery("SELECT COALESCE(MAX(id), 0) FROM history WHERE inquiry_id = :inquiry")
        .bind("inquiry", inquiry.value())
        .mapTo(Long.class)
        .one();
  }

  private static String statusId(HistoryEntry.Status status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  private HistoryEntry entry(ResultSet rs, StatementContext context) throws SQLException {
    long target = rs.getLong("target_id");
    if (rs.wasNull()) {
      target = 0;
    }
    return new HistoryEntry(
        rs.getLong("id"),
        new InquiryId(rs.getLong("inquiry_id")),
        new UserId(rs.getLong("user_id")),
        Instant.parse(rs.getString("recorded_at")),
        HistoryEntry.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
        target,
        HistoryEntry.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
        codec.read(rs.getString("operation_type"), rs.getString("operation_json")),
        codec.read(rs.getString("inverse_type"), rs.getString("inverse_json")));
  }

  @Override
  public int tombstone(InquiryId inquiry, Set<Long> itemIds, Operation tombstone) {
    if (itemIds.isEmpty()) {
      return 0;
    }
    List<Long> lines =
        handle
            .createQuery(
                "SELECT id, operation_json, inverse_json FROM history WHERE inquiry_id = :inquiry")
            .bind("inquiry", inquiry.value())
            .map(
                (rs, ctx) ->
                    ItemIds.mentioned(rs.getString("operation_json"), itemIds)
                            || ItemIds.mentioned(rs.getString("inverse_json"), itemIds)
                        ? rs.getLong("id")
                        : null)
            .list()
            .stream()
            .filter(java.util.Objects::nonNull)
            .toList();
    String type = codec.typeOf(tombstone);
    String json = codec.write(tombstone);
    for (long line : lines) {
      handle
          .createUpdate(
              "UPDATE history SET operation_type = :type, operation_json = :json,"
                  + " inverse_type = :type, inverse_json = :json WHERE id = :id")
          .bind("type", type)
          .bind("json", json)
          .bind("id", line)
          .execute();
    }
    return lines.size();
  }

  @Override
  public Set<String> referencedDigests() {
    Set<String> digests = new HashSet<>();
    handle
        .createQuery(
            "SELECT operation_json, inverse_json FROM history WHERE operation_json LIKE"
                + " '%Digest%' OR inverse_json LIKE '%Digest%'")
        .map(
            (rs, ctx) -> {
              ItemIds.digests(rs.getString("operation_json"), digests);
              ItemIds.digests(rs.getString("inverse_json"), digests);
              return 0;
            })
        .list();
    return digests;
  }
}
