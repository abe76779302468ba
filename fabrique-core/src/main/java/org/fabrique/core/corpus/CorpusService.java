package org.fabrique.core.corpus;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.error.FabriqueException;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.history.History;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.store.Store;
import org.fabrique.core.user.UserId;

/**
 * The corpus: importing files as sources, their immutable plain texts, their description. Each file
 * is imported atomically; a batch goes on after a file fails and reports it.
 */
public final class CorpusService {
  private static final int CACHED_TEXTS = 8;

  private final Store store;
  private final History history;
  private final TextExtractor extractor;
  private final Clock clock;
  private final Map<String, PlainText> texts =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PlainText> eldest) {
          return size() > CACHED_TEXTS;
        }
      };

  public CorpusService(Store store, History history, TextExtractor extractor, Clock clock) {
    this.store = store;
    this.history = history;
    this.extractor = extractor;
    this.clock = clock;
  }

  /** Imports files one by one; a file that fails leaves nothing and the others go on. */
  public ImportReport importFiles(
      InquiryId inquiry, UserId user, List<ImportRequest> requests, ImportProgress progress) {
    List<ImportReport.FileOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      ImportRequest request = requests.get(i);
      progress.update(i, requests.size(), request.fileName());
      outcomes.add(importOne(inquiry, user, request));
    }
    progress.update(requests.size(), requests.size(), "");
    return new ImportReport(outcomes);
  }

  /**
   * Imports one file.
   *
   * @throws InvalidInputException when the file cannot be imported, with the reason
   */
  public Source importFile(InquiryId inquiry, UserId user, ImportRequest request) {
    ImportReport.FileOutcome outcome = importOne(inquiry, user, request);
    return outcome
        .source()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    outcome.problems().isEmpty()
                        ? request.fileName() + " could not be imported"
                        : outcome.problems().get(0).message()));
  }

  private ImportReport.FileOutcome importOne(
      InquiryId inquiry, UserId user, ImportRequest request) {
    try {
      return new ImportReport.FileOutcome(
          request.fileName(), Optional.of(add(inquiry, user, request)), List.of());
    } catch (InvalidInputException | NotFoundException e) {
      return new ImportReport.FileOutcome(
          request.fileName(),
          Optional.empty(),
          List.of(Problem.error(request.fileName(), e.getMessage())));
    } catch (FabriqueException e) {
      return new ImportReport.FileOutcome(
          request.fileName(),
          Optional.empty(),
          List.of(Problem.error(request.fileName(), "could not be stored: " + e.getMessage())));
    }
  }

  private Source add(InquiryId inquiry, UserId user, ImportRequest request) {
    store
        .inTransaction(tx -> tx.inquiries().findInquiry(inquiry))
        .orElseThrow(() -> new NotFoundException("There is no inquiry " + inquiry));
    ExtractedText extracted = extractor.extract(request.fileName(), request.file());
    String normalized = TextNormalizer.normalize(extracted.text());
    if (normalized.isBlank()) {
      throw new InvalidInputException(request.fileName() + " contains no text");
    }
    PlainText text = PlainText.of(normalized);
    List<SpeakerTurn> turns = TranscriptParser.parse(text);
    SourceKind kind =
        request.kind().orElse(turns.isEmpty() ? SourceKind.DOCUMENT : SourceKind.INTERVIEW);
    if (kind != SourceKind.INTERVIEW) {
      turns = List.of();
    }
    String language =
        request.language().or(() -> extractor.detectLanguage(normalized)).orElse("und");
    String title =
        request
            .title()
            .filter(t -> !t.isBlank())
            .or(() -> extracted.title().filter(t -> !t.isBlank()))
            .orElse(baseName(request.fileName()))
            .strip();
    String originalDigest = store.blobs().put(request.file());
    String textDigest = store.blobs().put(normalized.getBytes(StandardCharsets.UTF_8));
    List<SpeakerTurn> finalTurns = turns;
    return store.inTransaction(
        tx -> {
          request
              .caseId()
              .ifPresent(
                  c -> {
                    var found =
                        tx.inquiries()
                            .findCase(c)
                            .orElseThrow(() -> new NotFoundException("There is no case " + c));
                    if (!found.inquiryId().equals(inquiry)) {
                      throw new InvalidInputException("Case " + c + " belongs to another inquiry");
                    }
                  });
          Source source =
              new Source(
                  new SourceId(tx.newId()),
                  inquiry,
                  title,
                  kind,
                  request.date(),
                  language,
                  request.caseId(),
                  request.confidentiality(),
                  baseFileName(request.fileName()),
                  extracted.mediaType(),
                  originalDigest,
                  textDigest,
                  text.length(),
                  clock.instant(),
                  user);
          history.apply(tx, inquiry, user, new SourceOperations.AddSource(source, finalTurns));
          return source;
        });
  }

  public Source get(SourceId id) {
    return store.inTransaction(
        tx ->
            tx.corpus()
                .findSource(id)
                .orElseThrow(() -> new NotFoundException("There is no source " + id)));
  }

  public List<Source> list(InquiryId inquiry) {
    return store.inTransaction(tx -> tx.corpus().listSources(inquiry));
  }

  /** The immutable plain text of a source, which all positions refer to. */
  public PlainText text(SourceId id) {
    Source source = get(id);
    synchronized (texts) {
      PlainText cached = texts.get(source.textDigest());
      if (cached != null) {
        return cached;
      }
    }
    PlainText text =
        PlainText.of(new String(store.blobs().read(source.textDigest()), StandardCharsets.UTF_8));
    synchronized (texts) {
      texts.put(source.textDigest(), text);
    }
    return text;
  }

  public List<SpeakerTurn> turns(SourceId id) {
    return store.inTransaction(tx -> tx.corpus().turns(id));
  }

  /** The original file as imported. */
  public InputStream original(SourceId id) {
    return store.blobs().open(get(id).originalDigest());
  }

  public Source updateMetadata(UserId user, SourceId id, SourceMetadata metadata) {
    Source before = get(id);
    if (metadata.title() == null || metadata.title().isBlank()) {
      throw new InvalidInputException("A source needs a title");
    }
    history.apply(
        before.inquiryId(), user, new SourceOperations.UpdateSourceMetadata(id, metadata));
    return get(id);
  }

  public void delete(UserId user, SourceId id) {
    Source before = get(id);
    history.apply(before.inquiryId(), user, new SourceOperations.DeleteSource(id));
  }

  private static String baseFileName(String fileName) {
    String name = fileName.replace('\\', '/');
    return name.substring(name.lastIndexOf('/') + 1);
  }

  private static String baseName(String fileName) {
    String name = baseFileName(fileName);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
