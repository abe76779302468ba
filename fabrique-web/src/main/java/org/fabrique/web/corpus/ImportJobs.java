package org.fabrique.web.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.ImportReport;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports that run in the background while the page polls their progress. Uploaded files wait in a
 * folder of their own under the upload directory and are deleted when the job ends. Finished jobs
 * are forgotten after an hour.
 */
public final class ImportJobs {
  private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
  private static final Duration KEEP = Duration.ofHours(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CorpusService corpus;
  private final Path uploadDir;
  private final ExecutorService executor;
  private final Clock clock;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  public ImportJobs(CorpusService corpus, Path uploadDir, ExecutorService executor, Clock clock) {
    this.corpus = corpus;
    this.uploadDir = uploadDir;
    this.executor = executor;
    this.clock = clock;
  }

  /** The states of a job. */
  public enum State {
    QUEUED,
    RUNNING,
    DONE,
    FAILED
  }

  /** A file received and waiting in a job's folder. */
  public record Upload(String fileName, Path file) {}

  /** A job's mutable progress, read by the polling page. */
  static final class Job {
    final String id;
    final InquiryId inquiry;
    final Path folder;
    volatile State state = State.QUEUED;
    volatile int done;
    volatile int total;
    volatile String currentFile = "";
    volatile ImportReport report;
    volatile Instant finishedAt;

    Job(String id, InquiryId inquiry, Path folder, int total) {
      this.id = id;
      this.inquiry = inquiry;
      this.folder = folder;
      this.total = total;
    }
  }

  /** A new folder for the files of a job. */
  public Path newFolder() {
    try {
      Files.createDirectories(uploadDir);
      return Files.createTempDirectory(uploadDir, "import-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts importing files that wait in a folder made by {@link #newFolder()}. */
  public SourceJson.JobOut start(
      InquiryId inquiry,
      UserId user,
      Path folder,
      List<ImportRequest> requests,
      CorpusService.Duplicates duplicates) {
    forgetOld();
    byte[] random = new byte[12];
    RANDOM.nextBytes(random);
    String id = HexFormat.of().formatHex(random);
    Job job = new Job(id, inquiry, folder, requests.size());
    jobs.put(id, job);
    executor.execute(() -> run(job, user, requests, duplicates));
    return out(job, UnaryOperator.identity());
  }

  private void run(
      Job job, UserId user, List<ImportRequest> requests, CorpusService.Duplicates duplicates) {
    job.state = State.RUNNING;
    try {
      job.report =
          corpus.importFiles(
              job.inquiry,
              user,
              requests,
              (done, total, fileName) -> {
                job.done = done;
                job.total = total;
                job.currentFile = fileName;
              },
              duplicates);
      job.state = State.DONE;
    } catch (RuntimeException e) {
      LOG.error("Import job {} failed ({})", job.id, e.getClass().getName());
      job.state = State.FAILED;
    } finally {
      job.finishedAt = clock.instant();
      deleteFolder(job.folder);
    }
  }

  /**
   * A job's state.
   *
   * @param inLanguage writes the problems met in the reader's language
   */
  public Optional<SourceJson.JobOut> status(String id, UnaryOperator<String> inLanguage) {
    return Optional.ofNullable(jobs.get(id)).map(job -> out(job, inLanguage));
  }

  private static SourceJson.JobOut out(Job job, UnaryOperator<String> inLanguage) {
    List<SourceJson.FileOut> files = job.report == null ? List.of() : files(job.report, inLanguage);
    return new SourceJson.JobOut(
        job.id,
        job.inquiry.value(),
        job.state.name().toLowerCase(java.util.Locale.ROOT),
        job.done,
        job.total,
        job.currentFile,
        files);
  }

  /**
   * The per-file outcome of an import in JSON.
   *
   * @param inLanguage writes the problems met in the reader's language
   */
  public static List<SourceJson.FileOut> files(
      ImportReport report, UnaryOperator<String> inLanguage) {
    List<SourceJson.FileOut> files = new ArrayList<>();
    for (ImportReport.FileOutcome outcome : report.files()) {
      Optional<Source> source = outcome.source();
      files.add(
          new SourceJson.FileOut(
              outcome.fileName(),
              source.isPresent(),
              source.map(s -> s.id().value()).orElse(null),
              source.map(Source::title).orElse(null),
              outcome.problems().stream()
                  .map(p -> SourceJson.ProblemOut.of(p, inLanguage))
                  .toList()));
    }
    return files;
  }

  private void forgetOld() {
    Instant limit = clock.instant().minus(KEEP);
    jobs.values().removeIf(job -> job.finishedAt != null && job.finishedAt.isBefore(limit));
  }

  /** Deletes a job's folder and what is in it. */
  public static void deleteFolder(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      LOG.warn("Could not delete the upload folder {} ({})", folder, e.getClass().getName());
    }
  }
}
