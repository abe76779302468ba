package org.fabrique.store.exchange;

import java.util.List;
import java.util.Optional;
import org.fabrique.core.exchange.GuidStore;
import org.fabrique.core.exchange.ItemGuid;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemRef;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The GUIDs of imported items in table {@code item_guids}. */
public final class JdbcGuidStore implements GuidStore {
  private static final int BATCH = 1000;

  private final Handle handle;

  public JdbcGuidStore(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void put(InquiryId inquiry, ItemGuid guid) {
    remove(inquiry, guid.item());
    handle
        .createUpdate(
            "INSERT INTO item_guids (inquiry_id, item_kind, item_id, guid)"
                + " VALUES (:inquiry, :kind, :item, :guid)")
        .bind("inquiry", inquiry.value())
        .bind("kind", guid.item().kind().id())
        .bind("item", guid.item().id())
        .bind("guid", guid.guid())
        .execute();
  }

  @Override
  public void putAll(InquiryId inquiry, List<ItemGuid> guids) {
    for (int from = 0; from < guids.size(); from += BATCH) {
      List<ItemGuid> slice = guids.subList(from, Math.min(guids.size(), from + BATCH));
      PreparedBatch delete =
          handle.prepareBatch(
              "DELETE FROM item_guids WHERE inquiry_id = :inquiry AND item_kind = :kind"
                  + " AND item_id = :item");
      PreparedBatch insert =
          handle.prepareBatch(
              "INSERT INTO item_guids (inquiry_id, item_kind, item_id, guid)"
                  + " VALUES (:inquiry, :kind, :item, :guid)");
      for (ItemGuid guid : slice) {
        delete
            .bind("inquiry", inquiry.value())
            .bind("kind", guid.item().kind().id())
            .bind("item", guid.item().id())
            .add();
        insert
            .bind("inquiry", inquiry.value())
            .bind("kind", guid.item().kind().id())
            .bind("item", guid.item().id())
            .bind("guid", guid.guid())
            .add();
      }
      delete.execute();
      insert.execute();
    }
  }

  @Override
  public void remove(InquiryId inquiry, ItemRef item) {
    handle
        .createUpdate(
            "DELETE FROM item_guids WHERE inquiry_id = :inquiry AND item_kind = :kind"
                + " AND item_id = :item")
        .bind("inquiry", inquiry.value())
        .bind("kind", item.kind().id())
        .bind("item", item.id())
        .execute();
  }

  @Override
  public Optional<String> find(InquiryId inquiry, ItemRef item) {
    return handle
        .createQuery(
            "SELECT guid FROM item_guids WHERE inquiry_id = :inquiry AND item_kind = :kind"
                + " AND item_id = :item")
        .bind("inquiry", inquiry.value())
        .bind("kind", item.kind().id())
        .bind("item", item.id())
        .mapTo(String.class)
        .findOne();
  }

  @Override
  public List<ItemGuid> list(InquiryId inquiry) {
    return handle
        .createQuery(
            "SELECT item_kind, item_id, guid FROM item_guids WHERE inquiry_id = :inquiry"
                + " ORDER BY item_kind, item_id")
        .bind("inquiry", inquiry.value())
        .map(
            (rs, context) ->
                new ItemGuid(
                    JdbcLinkStore.ref(rs.getString("item_kind"), rs.getLong("item_id")),
                    rs.getString("guid")))
        .list();
  }
}
