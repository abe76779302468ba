package org.fabrique.core.coding;

import java.util.Optional;

/**
 * Where a code stands in the codebook: under which parent (none at the top level) and at which
 * position among its siblings.
 */
public record CodePlace(Optional<CodeId> parentId, int position) {

  /** The place of a code. */
  public static CodePlace of(Code code) {
    return new CodePlace(code.parentId(), code.position());
  }
}
