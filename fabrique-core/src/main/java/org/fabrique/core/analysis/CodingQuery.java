package org.fabrique.core.analysis;

import org.fabrique.core.coding.CodeId;
import org.fabrique.core.error.InvalidInputException;

/**
 * A question about coded segments; it evaluates to a set of segments. Boolean operators combine the
 * segments themselves (a segment coded A and B carries both codes); the relations keep the segments
 * of the left side that stand in a relation to some segment of the right side, in the same source.
 */
public sealed interface CodingQuery {

  /** The segments carrying a code. */
  record Coded(CodeId code) implements CodingQuery {}

  /** The segments found by both sides. */
  record And(CodingQuery left, CodingQuery right) implements CodingQuery {}

  /** The segments found by either side. */
  record Or(CodingQuery left, CodingQuery right) implements CodingQuery {}

  /** The segments found by the left side and not by the right one. */
  record AndNot(CodingQuery left, CodingQuery right) implements CodingQuery {}

  /** The segments of the left side that share at least one character with one of the right. */
  record Overlapping(CodingQuery left, CodingQuery right) implements CodingQuery {}

  /**
   * The segments of the left side at most {@code characters} code points away from one of the right
   * (overlapping segments are at distance 0).
   */
  record Near(CodingQuery left, CodingQuery right, int characters) implements CodingQuery {
    public Near {
      if (characters < 0) {
        throw new InvalidInputException("A distance cannot be negative: " + characters);
      }
    }
  }

  /** The segments of the left side in a paragraph that also holds one of the right. */
  record SameParagraph(CodingQuery left, CodingQuery right) implements CodingQuery {}

  /** The segments of the left side in a speaker turn that also holds one of the right. */
  record SameTurn(CodingQuery left, CodingQuery right) implements CodingQuery {}

  static CodingQuery coded(CodeId code) {
    return new Coded(code);
  }

  default CodingQuery and(CodingQuery other) {
    return new And(this, other);
  }

  default CodingQuery or(CodingQuery other) {
    return new Or(this, other);
  }

  default CodingQuery andNot(CodingQuery other) {
    return new AndNot(this, other);
  }

  default CodingQuery overlapping(CodingQuery other) {
    return new Overlapping(this, other);
  }

  default CodingQuery near(CodingQuery other, int characters) {
    return new Near(this, other, characters);
  }

  default CodingQuery inSameParagraphAs(CodingQuery other) {
    return new SameParagraph(this, other);
  }

  default CodingQuery inSameTurnAs(CodingQuery other) {
    return new SameTurn(this, other);
  }
}
