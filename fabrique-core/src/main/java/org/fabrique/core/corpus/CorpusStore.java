package org.fabrique.core.corpus;

import java.util.List;
import java.util.Optional;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;

/** Where sources and their structure are kept (their texts are in the {@link BlobStore}). */
public interface CorpusStore {
  void insertSource(Source source);

  void updateSource(Source source);

  void deleteSource(SourceId id);

  Optional<Source> findSource(SourceId id);

  List<Source> listSources(InquiryId inquiry);

  List<Source> sourcesOfCase(CaseId caseId);

  void insertTurns(SourceId source, List<SpeakerTurn> turns);

  List<SpeakerTurn> turns(SourceId source);

  void deleteTurns(SourceId source);

  /** The speaker pattern of an inquiry's transcripts, when it has one. */
  Optional<String> speakerPattern(InquiryId inquiry);

  /** Sets (or, with empty, removes) the speaker pattern of an inquiry. */
  void putSpeakerPattern(InquiryId inquiry, Optional<String> pattern);
}
