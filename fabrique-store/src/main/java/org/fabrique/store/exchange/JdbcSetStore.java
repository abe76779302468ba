package org.fabrique.store.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.set.ItemSet;
import org.fabrique.core.set.SetId;
import org.fabrique.core.set.SetStore;
import org.fabrique.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Sets in table {@code item_sets}, their members in order in {@code item_set_members}. */
public final class JdbcSetStore implements SetStore {
  private final Handle handle;

  public JdbcSetStore(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(ItemSet set) {
    handle
        .createUpdate(
            "INSERT INTO item_sets (id, inquiry_id, name, description)"
                + " VALUES (:id, :inquiry, :name, :description)")
        .bind("id", set.id().value())
        .bind("inquiry", set.inquiryId().value())
        .bind("name", set.name())
        .bind("description", set.description())
        .execute();
    insertMembers(set);
  }

  private void insertMembers(ItemSet set) {
    if (set.members().isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO item_set_members (set_id, ordinal, member_kind, member_id)"
                + " VALUES (:set, :ordinal, :kind, :member)");
    for (int i = 0; i < set.members().size(); i++) {
      ItemRef member = set.members().get(i);
      batch
          .bind("set", set.id().value())
          .bind("ordinal", i)
          .bind("kind", member.kind().id())
          .bind("member", member.id())
          .add();
    }
    batch.execute();
  }

  @Override
  public void update(ItemSet set) {
    int rows =
        handle
            .createUpdate(
                "UPDATE item_sets SET name = :name, description = :description WHERE id = :id")
            .bind("id", set.id().value())
            .bind("name", set.name())
            .bind("description", set.description())
            .execute();
    Rows.requireOne(rows, "Set " + set.id());
    deleteMembers(set.id());
    insertMembers(set);
  }

  private void deleteMembers(SetId id) {
    handle
        .createUpdate("DELETE FROM item_set_members WHERE set_id = :id")
        .bind("id", id.value())
        .execute();
  }

  @Override
  public void delete(SetId id) {
    deleteMembers(id);
    Rows.deleteById(handle, "item_sets", id.value(), "Set " + id);
  }

  @Override
  public Optional<ItemSet> find(SetId id) {
    return read("WHERE s.id = :value", id.value()).stream().findFirst();
  }

  @Override
  public List<ItemSet> list(InquiryId inquiry) {
    return read("WHERE s.inquiry_id = :value", inquiry.value()).stream()
        .sorted(Comparator.comparing(ItemSet::name).thenComparingLong(s -> s.id().value()))
        .toList();
  }

  @Override
  public List<ItemSet> containing(ItemRef member) {
    List<Long> ids =
        handle
            .createQuery(
                "SELECT DISTINCT set_id FROM item_set_members"
                    + " WHERE member_kind = :kind AND member_id = :member")
            .bind("kind", member.kind().id())
            .bind("member", member.id())
            .mapTo(Long.class)
            .list();
    List<ItemSet> sets = new ArrayList<>();
    ids.forEach(id -> find(new SetId(id)).ifPresent(sets::add));
    return sets;
  }

  private List<ItemSet> read(String where, long value) {
    Map<Long, String[]> heads = new LinkedHashMap<>();
    Map<Long, List<ItemRef>> members = new LinkedHashMap<>();
    Map<Long, Long> inquiries = new LinkedHashMap<>();
    handle
        .createQuery(
            "SELECT s.id, s.inquiry_id, s.name, s.description, m.member_kind, m.member_id"
                + " FROM item_sets s LEFT JOIN item_set_members m ON m.set_id = s.id "
                + where
                + " ORDER BY s.id, m.ordinal")
        .bind("value", value)
        .map(
            (rs, context) -> {
              long id = rs.getLong("id");
              heads.putIfAbsent(
                  id, new String[] {rs.getString("name"), rs.getString("description")});
              inquiries.putIfAbsent(id, rs.getLong("inquiry_id"));
              List<ItemRef> list = members.computeIfAbsent(id, k -> new ArrayList<>());
              String kind = rs.getString("member_kind");
              if (kind != null) {
                list.add(new ItemRef(Rows.itemKind(kind), rs.getLong("member_id")));
              }
              return id;
            })
        .list();
    List<ItemSet> sets = new ArrayList<>();
    heads.forEach(
        (id, head) ->
            sets.add(
                new ItemSet(
                    new SetId(id),
                    new InquiryId(inquiries.get(id)),
                    head[0],
                    head[1],
                    members.get(id))));
    return sets;
  }
}
