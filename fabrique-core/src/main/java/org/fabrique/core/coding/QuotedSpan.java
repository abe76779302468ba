package org.fabrique.core.coding;

/** A coding with the text it quotes and the title of its source, for lists of coded segments. */
public record QuotedSpan(CodedSpan span, String quote, String sourceTitle) {}
