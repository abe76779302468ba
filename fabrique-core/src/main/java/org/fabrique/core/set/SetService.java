package org.fabrique.core.set;

import java.util.ArrayList;
import java.util.List;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.history.History;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.Names;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.store.Store;
import org.fabrique.core.user.UserId;

/** Sets: named groups of codes, sources, memos, cases or segments. */
public final class SetService {
  private final Store store;
  private final History history;

  public SetService(Store store, History history) {
    this.store = store;
    this.history = history;
  }

  public ItemSet create(
      InquiryId inquiry, UserId user, String name, String description, List<ItemRef> members) {
    String trimmed = Names.required(name, "A set");
    return store.inTransaction(
        tx -> {
          tx.inquiries()
              .findInquiry(inquiry)
              .orElseThrow(() -> new NotFoundException("There is no inquiry " + inquiry));
          ItemSet set =
              new ItemSet(
                  new SetId(tx.newId()), inquiry, trimmed, Names.optional(description), members);
          history.apply(tx, inquiry, user, new SetOperations.CreateSet(set));
          return set;
        });
  }

  public ItemSet addMember(UserId user, SetId id, ItemRef member) {
    ItemSet before = get(id);
    List<ItemRef> members = new ArrayList<>(before.members());
    members.add(member);
    ItemSet after = before.withMembers(members);
    history.apply(before.inquiryId(), user, new SetOperations.UpdateSet(after));
    return after;
  }

  public ItemSet removeMember(UserId user, SetId id, ItemRef member) {
    ItemSet before = get(id);
    List<ItemRef> members = new ArrayList<>(before.members());
    members.remove(member);
    ItemSet after = before.withMembers(members);
    history.apply(before.inquiryId(), user, new SetOperations.UpdateSet(after));
    return after;
  }

  public void delete(UserId user, SetId id) {
    ItemSet set = get(id);
    history.apply(set.inquiryId(), user, new SetOperations.DeleteSet(id));
  }

  public ItemSet get(SetId id) {
    return store.inTransaction(
        tx -> tx.sets().find(id).orElseThrow(() -> new NotFoundException("There is no set " + id)));
  }

  public List<ItemSet> list(InquiryId inquiry) {
    return store.inTransaction(tx -> tx.sets().list(inquiry));
  }
}
