package org.fabrique.core.history;

import java.util.ArrayList;
import java.util.List;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.user.UserId;

/** The setbacks of one undo or redo by a user, as the operations meet them. */
public final class Setbacks {
  private final UserId user;
  private final List<Setback> found = new ArrayList<>();

  /**
   * @param user who undoes or redoes: others' work is what an undo must leave in place
   */
  public Setbacks(UserId user) {
    this.user = user;
  }

  /** Who undoes or redoes. */
  public UserId user() {
    return user;
  }

  /** Records that a part concerning {@code item} was left out, and why. */
  public void add(ItemRef item, Setback.Reason reason) {
    Setback setback = new Setback(item, reason);
    if (!found.contains(setback)) {
      found.add(setback);
    }
  }

  /** What was left out, in the order met. */
  public List<Setback> list() {
    return List.copyOf(found);
  }
}
