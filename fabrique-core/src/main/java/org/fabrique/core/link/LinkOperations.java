package org.fabrique.core.link;

import java.util.List;
import java.util.Map;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.Require;
import org.fabrique.core.store.Transaction;

/** The operations on links between items. */
public final class LinkOperations {
  public static final List<Map.Entry<String, Class<? extends Operation>>> TYPES =
      List.of(
          Map.entry("link.create", CreateLink.class),
          Map.entry("link.update", UpdateLink.class),
          Map.entry("link.delete", DeleteLink.class));

  private LinkOperations() {}

  /** Links two items. */
  public record CreateLink(Link link) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      tx.links().insert(link);
      return new DeleteLink(link.id());
    }

    @Override
    public String describe() {
      return "Linked " + link.origin() + " to " + link.target();
    }
  }

  /** Renames, redirects or recolours a link. */
  public record UpdateLink(Link link) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Link before = Require.present(tx.links().find(link.id()), "Link " + link.id());
      tx.links().update(link);
      return new UpdateLink(before);
    }

    @Override
    public String describe() {
      return "Changed link " + link.id();
    }
  }

  /** Removes a link; the items it joined stay. */
  public record DeleteLink(LinkId linkId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Link before = Require.present(tx.links().find(linkId), "Link " + linkId);
      tx.links().delete(linkId);
      return new CreateLink(before);
    }

    @Override
    public String describe() {
      return "Removed link " + linkId;
    }
  }
}
