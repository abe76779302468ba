package org.fabrique.core.journey;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.history.History;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.UserId;

/** An inquiry with one case and one field note, on a store in memory. */
public final class JourneyFixture {
  public static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  public final MemoryStore store = new MemoryStore();
  public final History history = new History(store, Clock.fixed(NOW, ZoneOffset.UTC));
  public final CorpusService corpus =
      new CorpusService(
          store,
          history,
          new org.fabrique.core.corpus.TextExtractor() {
            @Override
            public org.fabrique.core.corpus.ExtractedText extract(
                String fileName, java.nio.file.Path file) {
              throw new UnsupportedOperationException();
            }

            @Override
            public Optional<String> detectLanguage(String text) {
              return Optional.empty();
            }
          },
          Clock.fixed(NOW, ZoneOffset.UTC));
  public final JourneyService journeys = new JourneyService(store, history, corpus);
  public final LineageService lineage = new LineageService(store);
  public final InquiryId inquiry = new InquiryId(1);
  public final CaseId caseId = new CaseId(2);
  public final UserId user = new UserId(3);
  public final SourceId note = new SourceId(4);
  public static final String NOTE_TEXT = "The data manager said: we keep the year of birth only.";

  public JourneyFixture() {
    store.inquiries.put(inquiry, new Inquiry(inquiry, "Reuse", "", NOW));
    store.cases.put(caseId, new Case(caseId, inquiry, "Cohort to model", Domain.COHORT, ""));
    String digest = store.blobs().put(NOTE_TEXT.getBytes(StandardCharsets.UTF_8));
    store.sources.put(
        note,
        new Source(
            note,
            inquiry,
            "Field note 1",
            SourceKind.FIELD_NOTE,
            Optional.empty(),
            "en",
            Optional.of(caseId),
            Confidentiality.CONFIDENTIAL,
            "note.txt",
            "text/plain",
            digest,
            digest,
            NOTE_TEXT.codePointCount(0, NOTE_TEXT.length()),
            NOW,
            user));
  }

  public ElementHeader header(String label) {
    return ElementHeader.of(journeys.newId(), inquiry, caseId, label);
  }

  public DataObject dataset(String label) {
    return journeys.create(user, DataObject.of(header(label), DataObjectType.DATASET));
  }

  public Intervention intervention(String label, String type, DataObject input, DataObject output) {
    return journeys.create(
        user, Intervention.of(header(label), type, List.of(input.id()), List.of(output.id())));
  }

  public Choice choice(String question, Dimension dimension, JourneyElement about) {
    return journeys.create(
        user, Choice.of(header(question), Set.of(dimension), List.of(about.id())));
  }
}
