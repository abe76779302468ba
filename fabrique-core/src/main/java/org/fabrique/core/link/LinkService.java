package org.fabrique.core.link;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.history.History;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.store.Store;
import org.fabrique.core.user.UserId;

/** Links between items of an inquiry. */
public final class LinkService {
  private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

  private final Store store;
  private final History history;

  public LinkService(Store store, History history) {
    this.store = store;
    this.history = history;
  }

  public Link link(
      InquiryId inquiry,
      UserId user,
      ItemRef origin,
      ItemRef target,
      String name,
      LinkDirection direction,
      Optional<String> colour) {
    if (origin.equals(target)) {
      throw new InvalidInputException("An item cannot be linked to itself");
    }
    colour.ifPresent(
        c -> {
          if (!COLOUR.matcher(c).matches()) {
            throw new InvalidInputException("A colour is written #rrggbb, for example #0072b2");
          }
        });
    return store.inTransaction(
        tx -> {
          tx.inquiries()
              .findInquiry(inquiry)
              .orElseThrow(() -> new NotFoundException("There is no inquiry " + inquiry));
          Link link =
              new Link(
                  new LinkId(tx.newId()),
                  inquiry,
                  origin,
                  target,
                  name == null ? "" : name.strip(),
                  direction,
                  colour.map(c -> c.toLowerCase(Locale.ROOT)));
          history.apply(tx, inquiry, user, new LinkOperations.CreateLink(link));
          return link;
        });
  }

  public void delete(UserId user, LinkId id) {
    Link link = get(id);
    history.apply(link.inquiryId(), user, new LinkOperations.DeleteLink(id));
  }

  public Link get(LinkId id) {
    return store.inTransaction(
        tx ->
            tx.links().find(id).orElseThrow(() -> new NotFoundException("There is no link " + id)));
  }

  public List<Link> list(InquiryId inquiry) {
    return store.inTransaction(tx -> tx.links().list(inquiry));
  }

  public List<Link> touching(ItemRef item) {
    return store.inTransaction(tx -> tx.links().touching(item));
  }
}
