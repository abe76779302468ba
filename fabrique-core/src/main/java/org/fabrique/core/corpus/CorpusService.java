package org.fabrique.core.corpus;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fabrique.core.error.FabriqueException;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.error.StorageException;
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

  /**
   * Imports files; a file that fails leaves nothing behind and the others go on. Files are read and
   * stored on all cores, and each is then recorded in its own transaction, in order.
   */
  public ImportReport importFiles(
      InquiryId inquiry, UserId user, List<ImportRequest> requests, ImportProgress progress) {
    return importFiles(inquiry, user, requests, progress, Duplicates.SKIP);
  }

  /** What an import does with a file whose content is already a source of the inquiry. */
  public enum Duplicates {
    /** Leaves it out, with a warning naming the source it duplicates. */
    SKIP,
    /** Imports it anyway, as a new source. */
    ALLOW
  }

  /**
   * Imports files, saying what to do with a file whose content is already a source of the inquiry.
   */
  public ImportReport importFiles(
      InquiryId inquiry,
      UserId user,
      List<ImportRequest> requests,
      ImportProgress progress,
      Duplicates duplicates) {
    requireInquiry(inquiry);
    Optional<LinePattern> pattern = compiledSpeakerPattern(inquiry);
    List<ImportReport.FileOutcome> outcomes = new ArrayList<>(requests.size());
    if (requests.isEmpty()) {
      progress.update(0, 0, "");
      return new ImportReport(outcomes);
    }
    int workers = Math.min(requests.size(), Runtime.getRuntime().availableProcessors());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            task -> {
              Thread thread = new Thread(task, "fabrique-import");
              thread.setDaemon(true);
              return thread;
            });
    try {
      Deque<Future<Prepared>> pending = new ArrayDeque<>();
      int next = 0;
      for (int done = 0; done < requests.size(); done++) {
        while (next < requests.size() && pending.size() < 2 * workers) {
          ImportRequest request = requests.get(next++);
          pending.add(pool.submit(() -> prepare(request, pattern)));
        }
        ImportRequest request = requests.get(done);
        progress.update(done, requests.size(), request.fileName());
        outcomes.add(commit(inquiry, user, request, await(pending.removeFirst()), duplicates));
      }
    } finally {
      pool.shutdownNow();
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
    requireInquiry(inquiry);
    ImportReport.FileOutcome outcome =
        commit(
            inquiry,
            user,
            request,
            prepare(request, compiledSpeakerPattern(inquiry)),
            Duplicates.ALLOW);
    return outcome
        .source()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    outcome.problems().isEmpty()
                        ? request.fileName() + " could not be imported"
                        : outcome.problems().get(0).message()));
  }

  private void requireInquiry(InquiryId inquiry) {
    store
        .inTransaction(tx -> tx.inquiries().findInquiry(inquiry))
        .orElseThrow(() -> new NotFoundException("There is no inquiry " + inquiry));
  }

  /** A file read, normalised and stored as blobs, ready to be recorded; or why it cannot be. */
  private record Prepared(
      Optional<Source> draft, List<SpeakerTurn> turns, Optional<FabriqueException> failure) {}

  private static Prepared await(Future<Prepared> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("The import was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new StorageException("The import failed", e.getCause());
    }
  }

  /**
   * The speaker pattern of an inquiry's transcripts, when it has one: a regular expression with a
   * group named {@code speaker} (see {@link LinePattern}).
   */
  public Optional<String> speakerPattern(InquiryId inquiry) {
    requireInquiry(inquiry);
    return store.inTransaction(tx -> tx.corpus().speakerPattern(inquiry));
  }

  /**
   * Sets the speaker pattern of an inquiry (blank or empty: none), for the transcripts imported
   * from then on; one undo takes it back.
   *
   * @throws InvalidInputException when the pattern is malformed or names no speaker group
   */
  public void setSpeakerPattern(UserId user, InquiryId inquiry, Optional<String> pattern) {
    requireInquiry(inquiry);
    Optional<String> kept = pattern.filter(p -> !p.isBlank());
    kept.ifPresent(LinePattern::compile);
    history.apply(inquiry, user, new SourceOperations.SetSpeakerPattern(inquiry, kept));
  }

  private Optional<LinePattern> compiledSpeakerPattern(InquiryId inquiry) {
    return store.inTransaction(tx -> tx.corpus().speakerPattern(inquiry)).map(LinePattern::compile);
  }

  /** The turns of a text: by the inquiry's speaker pattern, else by the layouts Fabrique knows. */
  private static List<SpeakerTurn> turnsOf(PlainText text, Optional<LinePattern> pattern) {
    return pattern
        .map(p -> TranscriptParser.parse(text, p))
        .filter(turns -> !turns.isEmpty())
        .orElseGet(() -> TranscriptParser.parse(text));
  }

  /** Reads, normalises and stores one file; nothing is recorded in the database yet. */
  private Prepared prepare(ImportRequest request, Optional<LinePattern> pattern) {
    try {
      ExtractedText extracted = extractor.extract(request.fileName(), request.file());
      String normalized = TextNormalizer.normalize(extracted.text());
      if (normalized.isBlank()) {
        throw new InvalidInputException(request.fileName() + " contains no text");
      }
      PlainText text = PlainText.of(normalized);
      List<SpeakerTurn> turns = turnsOf(text, pattern);
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
      Source draft =
          new Source(
              new SourceId(0),
              new InquiryId(0),
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
              new UserId(0));
      return new Prepared(Optional.of(draft), turns, Optional.empty());
    } catch (FabriqueException e) {
      return new Prepared(Optional.empty(), List.of(), Optional.of(e));
    }
  }

  /** Records a prepared file as a new source, in one transaction. */
  private ImportReport.FileOutcome commit(
      InquiryId inquiry,
      UserId user,
      ImportRequest request,
      Prepared prepared,
      Duplicates duplicates) {
    try {
      if (prepared.failure().isPresent()) {
        throw prepared.failure().get();
      }
      Source draft = prepared.draft().orElseThrow();
      if (duplicates == Duplicates.SKIP) {
        Optional<Source> same =
            list(inquiry).stream()
                .filter(
                    s ->
                        s.originalDigest().equals(draft.originalDigest())
                            || s.textDigest().equals(draft.textDigest()))
                .findFirst();
        if (same.isPresent()) {
          return new ImportReport.FileOutcome(
              request.fileName(),
              Optional.empty(),
              List.of(
                  Problem.warning(
                      request.fileName(),
                      "already imported as source "
                          + same.get().id()
                          + "; not imported again (to import it anyway: --allow-duplicates on the"
                          + " command line, or the box Import again of the import form)")));
        }
      }
      Source source =
          store.inTransaction(
              tx -> {
                request
                    .caseId()
                    .ifPresent(
                        c -> {
                          var found =
                              tx.inquiries()
                                  .findCase(c)
                                  .orElseThrow(
                                      () -> new NotFoundException("There is no case " + c));
                          if (!found.inquiryId().equals(inquiry)) {
                            throw new InvalidInputException(
                                "Case " + c + " belongs to another inquiry");
                          }
                        });
                Source recorded =
                    new Source(
                        new SourceId(tx.newId()),
                        inquiry,
                        draft.title(),
                        draft.kind(),
                        draft.date(),
                        draft.language(),
                        draft.caseId(),
                        draft.confidentiality(),
                        draft.originalFileName(),
                        draft.mediaType(),
                        draft.originalDigest(),
                        draft.textDigest(),
                        draft.length(),
                        clock.instant(),
                        user);
                history.apply(
                    tx, inquiry, user, new SourceOperations.AddSource(recorded, prepared.turns()));
                return recorded;
              });
      return new ImportReport.FileOutcome(request.fileName(), Optional.of(source), List.of());
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
