package org.fabrique.store.memo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.memo.MemoId;
import org.fabrique.core.memo.MemoStore;
import org.fabrique.core.user.UserId;
import org.fabrique.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Memos in table {@code memos}; a memo's target is stored as its kind id and item id. */
public final class JdbcMemoStore implements MemoStore {
  private static final String COLUMNS =
      "id, inquiry_id, target_kind, target_id, title, body, author_id, created_at, updated_at";

  private final Handle handle;

  public JdbcMemoStore(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(Memo memo) {
    bind(
            handle.createUpdate(
                """
                INSERT INTO memos (id, inquiry_id, target_kind, target_id, title, body, author_id,
                  created_at, updated_at)
                VALUES (:id, :inquiryId, :targetKind, :targetId, :title, :body, :authorId,
                  :createdAt, :updatedAt)"""),
            memo)
        .execute();
  }

  @Override
  public void update(Memo memo) {
    int rows =
        bind(
                handle.createUpdate(
                    """
                    UPDATE memos SET inquiry_id = :inquiryId, target_kind = :targetKind,
                      target_id = :targetId, title = :title, body = :body, author_id = :authorId,
                      created_at = :createdAt, updated_at = :updatedAt
                    WHERE id = :id"""),
                memo)
            .execute();
    Rows.requireOne(rows, "Memo " + memo.id());
  }

  private static <S extends SqlStatement<S>> S bind(S statement, Memo memo) {
    return statement
        .bind("id", memo.id().value())
        .bind("inquiryId", memo.inquiryId().value())
        .bind("targetKind", memo.target().kind().id())
        .bind("targetId", memo.target().id())
        .bind("title", memo.title())
        .bind("body", memo.body())
        .bind("authorId", memo.authorId().value())
        .bind("createdAt", memo.createdAt().toString())
        .bind("updatedAt", memo.updatedAt().toString());
  }

  @Override
  public void delete(MemoId id) {
    Rows.deleteById(handle, "memos", id.value(), "Memo " + id);
  }

  @Override
  public Optional<Memo> find(MemoId id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM memos WHERE id = :id")
        .bind("id", id.value())
        .map(JdbcMemoStore::memo)
        .findOne();
  }

  @Override
  public List<Memo> list(InquiryId inquiry) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM memos WHERE inquiry_id = :inquiry ORDER BY id")
        .bind("inquiry", inquiry.value())
        .map(JdbcMemoStore::memo)
        .list();
  }

  @Override
  public List<Memo> about(ItemRef target) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM memos WHERE target_kind = :kind AND target_id = :target ORDER BY id")
        .bind("kind", target.kind().id())
        .bind("target", target.id())
        .map(JdbcMemoStore::memo)
        .list();
  }

  private static Memo memo(ResultSet rs, StatementContext context) throws SQLException {
    String kind = rs.getString("target_kind");
    return new Memo(
        new MemoId(rs.getLong("id")),
        new InquiryId(rs.getLong("inquiry_id")),
        new ItemRef(Rows.itemKind(kind), rs.getLong("target_id")),
        rs.getString("title"),
        rs.getString("body"),
        new UserId(rs.getLong("author_id")),
        Instant.parse(rs.getString("created_at")),
        Instant.parse(rs.getString("updated_at")));
  }
}
