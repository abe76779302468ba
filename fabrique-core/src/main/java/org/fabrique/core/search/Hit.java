package org.fabrique.core.search;

import java.util.Optional;
import org.fabrique.core.corpus.SourceId;

/** Where a query matched: a span in code points of a document's text, placed in its source. */
public record Hit(DocumentKey document, Optional<SourceId> sourceId, int start, int end) {}
