package org.fabrique.core.redaction;

/**
 * A name the inquiry already knows (an actor's real name, a transcript's speaker): the assistant
 * looks for it first.
 */
public record KnownName(String name, Reason reason) {
  /** Never shows the name. */
  @Override
  public String toString() {
    return "KnownName[" + reason.id() + "]";
  }
}
