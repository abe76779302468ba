package org.fabrique.core.search;

/** What auto-coding codes around each hit. */
public enum AutoCodeExtent {
  /** The words that matched. */
  HIT,
  /** The paragraph (line) the hit is in. */
  PARAGRAPH
}
