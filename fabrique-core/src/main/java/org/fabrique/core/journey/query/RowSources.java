package org.fabrique.core.journey.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.core.store.Transaction;

/** Source titles and speaker turns, read once per source. */
final class RowSources {
  private final Transaction tx;
  private final ExportScope scope;
  private final Map<SourceId, Optional<Source>> found;
  private final Map<SourceId, String> titles = new HashMap<>();
  private final Map<SourceId, List<SpeakerTurn>> turns;

  RowSources(Transaction tx, ExportScope scope) {
    this.tx = tx;
    this.scope = scope;
    this.found = new HashMap<>();
    this.turns = new HashMap<>();
  }

  /** Sources and turns kept with a snapshot (read in the snapshot's generation). */
  RowSources(Transaction tx, ExportScope scope, InquiryJourneys snapshot) {
    this.tx = tx;
    this.scope = scope;
    this.found = snapshot.sources;
    this.turns = snapshot.turns;
  }

  Optional<Source> source(SourceId id) {
    return found.computeIfAbsent(id, s -> tx.corpus().findSource(s));
  }

  String title(SourceId id) {
    return titles.computeIfAbsent(
        id, s -> source(s).map(Source::title).map(scope::freeText).orElse("#" + s.value()));
  }

  /** Free text as it goes out under the scope. */
  String text(String text) {
    return text == null || text.isEmpty() ? "" : scope.freeText(text);
  }

  /**
   * The words of a piece of evidence as they go out: the passage of the source's redacted text when
   * the scope changes texts, else the quote as stored.
   */
  String quote(Evidence evidence) {
    if (scope.changesText() && evidence.span().isPresent()) {
      Optional<Source> source = source(evidence.sourceId());
      if (source.isPresent()) {
        return scope.passage(
            source.get(), evidence.span().get().start(), evidence.span().get().end());
      }
    }
    return text(evidence.quote());
  }

  Optional<SpeakerTurn> turnAt(SourceId id, int position) {
    List<SpeakerTurn> all = turns.computeIfAbsent(id, s -> tx.corpus().turns(s));
    int low = 0;
    int high = all.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      SpeakerTurn turn = all.get(middle);
      if (position < turn.start()) {
        high = middle - 1;
      } else if (position >= turn.end()) {
        low = middle + 1;
      } else {
        return Optional.of(turn);
      }
    }
    return Optional.empty();
  }
}
