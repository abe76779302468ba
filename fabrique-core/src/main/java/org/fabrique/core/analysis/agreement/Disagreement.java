package org.fabrique.core.analysis.agreement;

import java.util.List;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.user.UserId;

/**
 * A stretch of text on which the coders disagree about one code: some coded it, others did not.
 *
 * @param with the coders who coded the code there
 * @param without the coders who did not
 */
public record Disagreement(
    SourceId sourceId, int start, int end, CodeId codeId, List<UserId> with, List<UserId> without) {
  public Disagreement {
    with = List.copyOf(with);
    without = List.copyOf(without);
  }
}
