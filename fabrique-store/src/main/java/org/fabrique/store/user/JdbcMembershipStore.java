package org.fabrique.store.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.Membership;
import org.fabrique.core.user.MembershipStore;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Memberships in table {@code memberships}: one role per inquiry and user. */
public final class JdbcMembershipStore implements MembershipStore {
  private static final String COLUMNS = "m.inquiry_id, m.user_id, m.role";

  private final Handle handle;

  public JdbcMembershipStore(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void put(Membership membership) {
    int updated =
        handle
            .createUpdate(
                "UPDATE memberships SET role = :role WHERE inquiry_id = :inquiry AND user_id ="
                    + " :user")
            .bind("inquiry", membership.inquiry().value())
            .bind("user", membership.user().value())
            .bind("role", membership.role().code())
            .execute();
    if (updated == 0) {
      handle
          .createUpdate(
              "INSERT INTO memberships (inquiry_id, user_id, role) VALUES (:inquiry, :user, :role)")
          .bind("inquiry", membership.inquiry().value())
          .bind("user", membership.user().value())
          .bind("role", membership.role().code())
          .execute();
    }
  }

  @Override
  public void remove(InquiryId inquiry, UserId user) {
    handle
        .createUpdate("DELETE FROM memberships WHERE inquiry_id = :inquiry AND user_id = :user")
        .bind("inquiry", inquiry.value())
        .bind("user", user.value())
        .execute();
  }

  @Override
  public Optional<Role> role(InquiryId inquiry, UserId user) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM memberships m"
                + " WHERE m.inquiry_id = :inquiry AND m.user_id = :user")
        .bind("inquiry", inquiry.value())
        .bind("user", user.value())
        .map(JdbcMembershipStore::membership)
        .findOne()
        .map(Membership::role);
  }

  @Override
  public List<Membership> members(InquiryId inquiry) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM memberships m"
                + " WHERE m.inquiry_id = :inquiry ORDER BY m.user_id")
        .bind("inquiry", inquiry.value())
        .map(JdbcMembershipStore::membership)
        .list();
  }

  @Override
  public List<Membership> of(UserId user) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM memberships m WHERE m.user_id = :user"
                + " ORDER BY m.inquiry_id")
        .bind("user", user.value())
        .map(JdbcMembershipStore::membership)
        .list();
  }

  private static Membership membership(ResultSet rs, StatementContext context) throws SQLException {
    String role = rs.getString("role");
    return new Membership(
        new InquiryId(rs.getLong("inquiry_id")),
        new UserId(rs.getLong("user_id")),
        Role.fromCode(role)
            .orElseThrow(() -> new IllegalStateException("Unknown role in the database: " + role)));
  }
}
