package org.fabrique.core.exchange;

import org.fabrique.core.memo.ItemRef;

/**
 * Something an imported file said about an item that Fabrique's own records do not hold, kept so
 * that the next export says it again: that a code had no colour (with the colour Fabrique gave it,
 * so that a colour chosen later is exported), or the origin and dates of the project.
 *
 * @param name what is said, one of the constants of this record
 */
public record ReceivedFact(ItemRef item, String name, String value) {
  /** The item had no colour; the value is the colour Fabrique gave it to show it. */
  public static final String NO_COLOUR = "no-colour";

  /** The {@code origin} of the project: the tool that wrote it. */
  public static final String ORIGIN = "origin";

  /** The project's {@code creationDateTime}, as written. */
  public static final String CREATED = "creationDateTime";

  /** The project's {@code creatingUserGUID}, as written. */
  public static final String CREATING_USER = "creatingUserGUID";

  /** The project's {@code modifiedDateTime}, as written. */
  public static final String MODIFIED = "modifiedDateTime";

  /** The project's {@code modifyingUserGUID}, as written. */
  public static final String MODIFYING_USER = "modifyingUserGUID";
}
