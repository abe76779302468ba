package org.fabrique.core.testing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.corpus.CorpusStore;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;

/** Sources and speaker turns in memory. */
final class MemoryCorpusStore implements CorpusStore {
  private final Table<SourceId, Source> sources;
  private final Table<SourceId, List<SpeakerTurn>> turns;
  private final Table<InquiryId, String> patterns;

  MemoryCorpusStore(Journal journal) {
    sources = new Table<>(journal);
    turns = new Table<>(journal);
    patterns = new Table<>(journal);
  }

  @Override
  public Optional<String> speakerPattern(InquiryId inquiry) {
    return patterns.get(inquiry);
  }

  @Override
  public void putSpeakerPattern(InquiryId inquiry, Optional<String> pattern) {
    if (pattern.isPresent()) {
      patterns.put(inquiry, pattern.get());
    } else {
      patterns.remove(inquiry);
    }
  }

  @Override
  public void insertSource(Source source) {
    sources.insert(source.id(), source);
  }

  @Override
  public void updateSource(Source source) {
    sources.put(source.id(), source);
  }

  @Override
  public void deleteSource(SourceId id) {
    sources.remove(id);
  }

  @Override
  public Optional<Source> findSource(SourceId id) {
    return sources.get(id);
  }

  @Override
  public List<Source> listSources(InquiryId inquiry) {
    return sources.values().stream()
        .filter(s -> s.inquiryId().equals(inquiry))
        .sorted(Comparator.comparingLong(s -> s.id().value()))
        .toList();
  }

  @Override
  public List<Source> sourcesOfCase(CaseId caseId) {
    return sources.values().stream()
        .filter(s -> s.caseId().equals(Optional.of(caseId)))
        .sorted(Comparator.comparingLong(s -> s.id().value()))
        .toList();
  }

  @Override
  public void insertTurns(SourceId source, List<SpeakerTurn> newTurns) {
    turns.put(source, List.copyOf(newTurns));
  }

  @Override
  public List<SpeakerTurn> turns(SourceId source) {
    return turns.get(source).orElse(List.of());
  }

  @Override
  public void deleteTurns(SourceId source) {
    turns.remove(source);
  }
}
