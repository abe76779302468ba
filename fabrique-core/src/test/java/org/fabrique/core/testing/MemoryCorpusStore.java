package org.fabrique.core.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
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
  private Predicate<SourceId> referenced = id -> false;
  private Predicate<InquiryId> inquiryExists = id -> true;

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
      if (!inquiryExists.test(inquiry)) {
        throw MemoryRules.brokenReference();
      }
      patterns.put(inquiry, pattern.get());
    } else {
      patterns.remove(inquiry);
    }
  }

  /** Which inquiries exist, for the speaker patterns that refer to them. */
  void inquiriesFrom(Predicate<InquiryId> exists) {
    inquiryExists = exists;
  }

  /** What else refers to a source (segments, evidence), which makes deleting it a conflict. */
  void referencedBy(Predicate<SourceId> others) {
    referenced = others;
  }

  @Override
  public void insertSource(Source source) {
    sources.insert(source.id(), source);
  }

  @Override
  public void updateSource(Source source) {
    sources.update(source.id(), source, "Source " + source.id());
  }

  @Override
  public void deleteSource(SourceId id) {
    if (sources.get(id).isPresent() && (!turns(id).isEmpty() || referenced.test(id))) {
      throw MemoryRules.brokenReference();
    }
    sources.delete(id, "Source " + id);
  }

  /** Every source of every inquiry. */
  Stream<Source> values() {
    return sources.values().stream();
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
    if (sources.get(source).isEmpty()) {
      throw MemoryRules.brokenReference();
    }
    List<SpeakerTurn> all = new ArrayList<>(turns(source));
    all.addAll(newTurns);
    turns.put(source, List.copyOf(all));
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
