package org.fabrique.core.erasure;

import java.util.List;
import org.fabrique.core.corpus.SourceId;

/**
 * What a purge removed, in counts: never content.
 *
 * @param blobsKept stored files kept because another source (of any inquiry) holds the same file
 */
public record PurgeReport(
    List<SourceId> sources,
    int segments,
    int codings,
    int memos,
    int evidence,
    int attributeValues,
    int redactions,
    int historyLines,
    int blobsRemoved,
    int blobsKept) {

  /** A line for the command line and the audit log. */
  public String summary() {
    return sources.size()
        + " source(s) purged: "
        + segments
        + " segment(s), "
        + codings
        + " coding(s), "
        + memos
        + " memo(s), "
        + evidence
        + " evidence quote(s), "
        + attributeValues
        + " attribute value(s), "
        + redactions
        + " redaction(s); "
        + historyLines
        + " history line(s) emptied; "
        + blobsRemoved
        + " stored file(s) removed"
        + (blobsKept == 0 ? "" : ", " + blobsKept + " kept (the same file is another source)");
  }
}
