package org.fabrique.core.search;

/** How the text of a search is read. */
public enum SearchMode {
  /** The query language of the index: words, phrases, Boolean operators, wildcards, proximity. */
  QUERY,
  /** A Java regular expression over the plain text of the sources. */
  REGEX
}
