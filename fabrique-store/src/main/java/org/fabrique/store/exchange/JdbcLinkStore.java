package org.fabrique.store.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.link.Link;
import org.fabrique.core.link.LinkDirection;
import org.fabrique.core.link.LinkId;
import org.fabrique.core.link.LinkStore;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Links between items in table {@code links}; each end is stored as its kind id and item id. */
public final class JdbcLinkStore implements LinkStore {
  private static final String COLUMNS =
      "id, inquiry_id, origin_kind, origin_id, target_kind, target_id, name, direction, colour";

  private final Handle handle;

  public JdbcLinkStore(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(Link link) {
    bind(
            handle.createUpdate(
                "INSERT INTO links ("
                    + COLUMNS
                    + ") VALUES (:id, :inquiry, :originKind, :originId, :targetKind, :targetId,"
                    + " :name, :direction, :colour)"),
            link)
        .execute();
  }

  @Override
  public void update(Link link) {
    int rows =
        bind(
                handle.createUpdate(
                    "UPDATE links SET inquiry_id = :inquiry, origin_kind = :originKind,"
                        + " origin_id = :originId, target_kind = :targetKind,"
                        + " target_id = :targetId, name = :name, direction = :direction,"
                        + " colour = :colour WHERE id = :id"),
                link)
            .execute();
    Rows.requireOne(rows, "Link " + link.id());
  }

  private static <S extends SqlStatement<S>> S bind(S statement, Link link) {
    return statement
        .bind("id", link.id().value())
        .bind("inquiry", link.inquiryId().value())
        .bind("originKind", link.origin().kind().id())
        .bind("originId", link.origin().id())
        .bind("targetKind", link.target().kind().id())
        .bind("targetId", link.target().id())
        .bind("name", link.name())
        .bind("direction", link.direction().id())
        .bind("colour", link.colour().orElse(null));
  }

  @Override
  public void delete(LinkId id) {
    Rows.deleteById(handle, "links", id.value(), "Link " + id);
  }

  @Override
  public Optional<Link> find(LinkId id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM links WHERE id = :id")
        .bind("id", id.value())
        .map(JdbcLinkStore::link)
        .findOne();
  }

  @Override
  public List<Link> list(InquiryId inquiry) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM links WHERE inquiry_id = :inquiry ORDER BY id")
        .bind("inquiry", inquiry.value())
        .map(JdbcLinkStore::link)
        .list();
  }

  @Override
  public List<Link> touching(ItemRef item) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM links WHERE (origin_kind = :kind AND origin_id = :item)"
                + " OR (target_kind = :kind AND target_id = :item) ORDER BY id")
        .bind("kind", item.kind().id())
        .bind("item", item.id())
        .map(JdbcLinkStore::link)
        .list();
  }

  private static Link link(ResultSet rs, StatementContext context) throws SQLException {
    String direction = rs.getString("direction");
    return new Link(
        new LinkId(rs.getLong("id")),
        new InquiryId(rs.getLong("inquiry_id")),
        ref(rs.getString("origin_kind"), rs.getLong("origin_id")),
        ref(rs.getString("target_kind"), rs.getLong("target_id")),
        rs.getString("name"),
        LinkDirection.fromId(direction)
            .orElseThrow(() -> new SQLException("Unknown link direction: " + direction)),
        Rows.optionalText(rs, "colour"));
  }

  static ItemRef ref(String kind, long id) throws SQLException {
    return new ItemRef(Rows.itemKind(kind), id);
  }
}
