package org.fabrique.store.journey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Participation;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The roles actors take in journey elements, in table {@code journey_participations} (V20). */
final class JdbcParticipations {
  private static final String COLUMNS = "id, inquiry_id, actor_id, role, target_kind, target_id";

  private final Handle handle;

  JdbcParticipations(Handle handle) {
    this.handle = handle;
  }

  void insert(Participation participation) {
    handle
        .createUpdate(
            "INSERT INTO journey_participations ("
                + COLUMNS
                + ") VALUES (:id, :inquiry, :actor, :role, :targetKind, :targetId)")
        .bind("id", participation.id().value())
        .bind("inquiry", participation.inquiryId().value())
        .bind("actor", participation.actor().value())
        .bind("role", participation.role())
        .bind("targetKind", participation.target().kind().id())
        .bind("targetId", participation.target().id())
        .execute();
  }

  void delete(ElementId id) {
    Rows.deleteById(handle, "journey_participations", id.value(), "Participation " + id);
  }

  Optional<Participation> find(ElementId id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM journey_participations WHERE id = :id")
        .bind("id", id.value())
        .map(JdbcParticipations::participation)
        .findOne();
  }

  List<Participation> of(InquiryId inquiry) {
    return handle
        .createQuery(
            "SELECT " + COLUMNS + " FROM journey_participations WHERE inquiry_id = :i ORDER BY id")
        .bind("i", inquiry.value())
        .map(JdbcParticipations::participation)
        .list();
  }

  List<Participation> of(ItemRef ref) {
    String where =
        ref.kind() == ItemKind.ACTOR ? "actor_id = :id" : "target_kind = :kind AND target_id = :id";
    return handle
        .createQuery(
            "SELECT " + COLUMNS + " FROM journey_participations WHERE " + where + " ORDER BY id")
        .bind("id", ref.id())
        .bind("kind", ref.kind().id())
        .map(JdbcParticipations::participation)
        .list();
  }

  private static Participation participation(ResultSet rs, StatementContext context)
      throws SQLException {
    return new Participation(
        new ElementId(rs.getLong("id")),
        new InquiryId(rs.getLong("inquiry_id")),
        new ElementId(rs.getLong("actor_id")),
        rs.getString("role"),
        new ItemRef(Rows.itemKind(rs.getString("target_kind")), rs.getLong("target_id")));
  }
}
