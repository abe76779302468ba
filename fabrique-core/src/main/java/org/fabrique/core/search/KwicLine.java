package org.fabrique.core.search;

import java.util.Optional;
import org.fabrique.core.corpus.SourceId;

/**
 * One hit as a line of a concordance: the keyword in its context.
 *
 * @param sourceId the source of the hit, empty for a memo not about a source
 * @param start the start of the hit in code points of the source's plain text (of the memo's text
 *     for a memo)
 * @param end the end of the hit, exclusive
 * @param left the text before the hit, line breaks as spaces
 * @param right the text after the hit, line breaks as spaces
 */
public record KwicLine(
    DocumentKey document,
    String title,
    Optional<SourceId> sourceId,
    int start,
    int end,
    String left,
    String keyword,
    String right) {}
