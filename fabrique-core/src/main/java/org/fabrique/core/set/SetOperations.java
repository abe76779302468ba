package org.fabrique.core.set;

import java.util.List;
import java.util.Map;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.Require;
import org.fabrique.core.store.Transaction;

/** The operations on sets. */
public final class SetOperations {
  public static final List<Map.Entry<String, Class<? extends Operation>>> TYPES =
      List.of(
          Map.entry("set.create", CreateSet.class),
          Map.entry("set.update", UpdateSet.class),
          Map.entry("set.delete", DeleteSet.class));

  private SetOperations() {}

  /** Creates a set with its members. */
  public record CreateSet(ItemSet set) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      tx.sets().insert(set);
      return new DeleteSet(set.id());
    }

    @Override
    public String describe() {
      return "Created set " + set.name();
    }
  }

  /** Renames, describes or changes the members of a set. */
  public record UpdateSet(ItemSet set) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      ItemSet before = Require.present(tx.sets().find(set.id()), "Set " + set.id());
      tx.sets().update(set);
      return new UpdateSet(before);
    }

    @Override
    public String describe() {
      return "Changed set " + set.name();
    }
  }

  /** Deletes a set; its members stay. */
  public record DeleteSet(SetId setId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      ItemSet before = Require.present(tx.sets().find(setId), "Set " + setId);
      tx.sets().delete(setId);
      return new CreateSet(before);
    }

    @Override
    public String describe() {
      return "Deleted set " + setId;
    }
  }
}
