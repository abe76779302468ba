package org.fabrique.core.journey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.ExtractedText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.corpus.TextExtractor;
import org.fabrique.core.history.History;
import org.fabrique.core.history.HistoryEntry;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.store.Store;
import org.fabrique.core.testing.MemoryStore;
import org.fabrique.core.user.UserId;
import org.fabrique.core.user.UserService;

/**
 * An inquiry with one case and one field note, written through the store's own interfaces: on the
 * in-memory store of the tests of core (held to the store's contract suites), or on any store
 * another module passes (SQLite in a temporary directory).
 */
public final class JourneyFixture {
  public static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  public static final String NOTE_TEXT = "The data manager said: we keep the year of birth only.";

  public final Store store;
  public final History history;
  public final CorpusService corpus;
  public final JourneyService journeys;
  public final LineageService lineage;
  public final InquiryId inquiry;
  public final CaseId caseId;
  public final UserId user;
  public final SourceId note;

  /** On the in-memory store, with its blobs in {@code folder}. */
  public JourneyFixture(Path folder) {
    this(new MemoryStore(folder));
  }

  /** On this store, empty. */
  public JourneyFixture(Store store) {
    this.store = store;
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    history = new History(store, clock);
    corpus = new CorpusService(store, history, new NoExtraction(), clock);
    journeys = new JourneyService(store, history, corpus);
    lineage = new LineageService(store);
    user = new UserService(store).defaultUser().id();
    InquiryService inquiries = new InquiryService(store, history, clock);
    inquiry = inquiries.create("Reuse", "").id();
    caseId = inquiries.createCase(inquiry, user, "Cohort to model", Domain.COHORT, "").id();
    note = new SourceId(store.inTransaction(tx -> tx.newId()));
    String digest = store.blobs().put(NOTE_TEXT.getBytes(StandardCharsets.UTF_8));
    store.inTransaction(
        tx -> {
          tx.corpus()
              .insertSource(
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
          return null;
        });
  }

  /** A second case of the inquiry. */
  public CaseId newCase(String name, Domain domain) {
    return new InquiryService(store, history, Clock.fixed(NOW, ZoneOffset.UTC))
        .createCase(inquiry, user, name, domain, "")
        .id();
  }

  /** The lines of the inquiry's history, newest first. */
  public List<HistoryEntry> historyLines() {
    return store.inTransaction(tx -> tx.history().recent(inquiry, Integer.MAX_VALUE));
  }

  /** The fixture's sources are written directly; nothing is extracted. */
  private static final class NoExtraction implements TextExtractor {
    @Override
    public ExtractedText extract(String fileName, Path file) {
      throw new UnsupportedOperationException("The journey fixture imports no file");
    }

    @Override
    public Optional<String> detectLanguage(String text) {
      return Optional.empty();
    }
  }

  public ElementHeader header(String label) {
    return ElementHeader.of(journeys.newId(), inquiry, caseId, label);
  }

  public DataObject dataset(String label) {
    return journeys.create(user, DataObject.of(header(label), DataObjectType.DATASET));
  }

  /** An intervention from an input (none when null) to an output. */
  public Intervention intervention(String label, String type, DataObject input, DataObject output) {
    return journeys.create(
        user,
        Intervention.of(
            header(label),
            type,
            input == null ? List.of() : List.of(input.id()),
            List.of(output.id())));
  }

  public Choice choice(String question, Dimension dimension, JourneyElement about) {
    return journeys.create(
        user, Choice.of(header(question), Set.of(dimension), List.of(about.id())));
  }
}
