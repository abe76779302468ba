package org.fabrique.store.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabrique.core.exchange.ReceivedFact;
import org.fabrique.core.exchange.ReceivedFactStore;
import org.fabrique.core.inquiry.InquiryId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** What imported files said that Fabrique holds nowhere else, in table {@code received_facts}. */
public final class JdbcReceivedFactStore implements ReceivedFactStore {
  private final Handle handle;

  public JdbcReceivedFactStore(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void putAll(InquiryId inquiry, List<ReceivedFact> facts) {
    if (facts.isEmpty()) {
      return;
    }
    PreparedBatch delete =
        handle.prepareBatch(
            "DELETE FROM received_facts WHERE inquiry_id = :inquiry AND item_kind = :kind"
                + " AND item_id = :item AND name = :name");
    PreparedBatch insert =
        handle.prepareBatch(
            "INSERT INTO received_facts (inquiry_id, item_kind, item_id, name, value)"
                + " VALUES (:inquiry, :kind, :item, :name, :value)");
    // Of two facts about the same item and name, the later one is kept, as if put one after the
    // other.
    Map<List<Object>, ReceivedFact> latest = new LinkedHashMap<>();
    for (ReceivedFact fact : facts) {
      latest.put(List.of(fact.item(), fact.name()), fact);
    }
    for (ReceivedFact fact : latest.values()) {
      delete
          .bind("inquiry", inquiry.value())
          .bind("kind", fact.item().kind().id())
          .bind("item", fact.item().id())
          .bind("name", fact.name())
          .add();
      insert
          .bind("inquiry", inquiry.value())
          .bind("kind", fact.item().kind().id())
          .bind("item", fact.item().id())
          .bind("name", fact.name())
          .bind("value", fact.value())
          .add();
    }
    delete.execute();
    insert.execute();
  }

  @Override
  public List<ReceivedFact> list(InquiryId inquiry) {
    return handle
        .createQuery(
            "SELECT item_kind, item_id, name, value FROM received_facts"
                + " WHERE inquiry_id = :inquiry ORDER BY item_kind, item_id, name")
        .bind("inquiry", inquiry.value())
        .map(
            (rs, context) ->
                new ReceivedFact(
                    JdbcLinkStore.ref(rs.getString("item_kind"), rs.getLong("item_id")),
                    rs.getString("name"),
                    rs.getString("value")))
        .list();
  }
}
