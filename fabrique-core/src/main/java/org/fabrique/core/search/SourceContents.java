package org.fabrique.core.search;

import java.util.List;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SpeakerTurn;

/** What the index needs of a source beyond its record: its text and its speaker turns. */
interface SourceContents {
  PlainText text(Source source);

  List<SpeakerTurn> turns(Source source);
}
