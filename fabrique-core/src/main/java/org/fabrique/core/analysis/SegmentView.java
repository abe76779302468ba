package org.fabrique.core.analysis;

/** A coded segment as lists show it: with the title of its source and the text it quotes. */
public record SegmentView(CodedSegment segment, String sourceTitle, String quote) {}
