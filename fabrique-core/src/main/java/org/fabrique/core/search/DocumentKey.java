package org.fabrique.core.search;

import org.fabrique.core.error.InvalidInputException;

/** Identifies a document of the index: a source, a segment or a memo by its id. */
public record DocumentKey(DocumentKind kind, long id) {

  /** Reads the form {@link #toString()} writes, e.g. {@code source:12}. */
  public static DocumentKey parse(String key) {
    int colon = key.indexOf(':');
    if (colon > 0) {
      var kind = DocumentKind.fromId(key.substring(0, colon));
      if (kind.isPresent()) {
        try {
          return new DocumentKey(kind.get(), Long.parseLong(key.substring(colon + 1)));
        } catch (NumberFormatException e) {
          throw new InvalidInputException("Not a document key: " + key, e);
        }
      }
    }
    throw new InvalidInputException("Not a document key: " + key);
  }

  @Override
  public String toString() {
    return kind.id() + ":" + id;
  }
}
