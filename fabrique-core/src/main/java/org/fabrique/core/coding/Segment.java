package org.fabrique.core.coding;

import org.fabrique.core.corpus.SourceId;

/**
 * A span {@code [start, end)} in Unicode code points of a source's plain text, with the quoted text
 * so that it can be re-anchored.
 */
public record Segment(SegmentId id, SourceId sourceId, int start, int end, String quote) {}
