package org.fabrique.web.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.error.FabriqueException;
import org.fabrique.core.exchange.ExchangeReport;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.web.corpus.ImportJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports and exports of REFI-QDA files that run in the background while their page refreshes
 * itself. Each job has a folder under the upload directory (named {@code import-…}, so that a
 * restart removes leftovers) holding the uploaded file or the exported one until the job is
 * forgotten, an hour after it ends.
 */
public final class ExchangeJobs {
  private static final Logger LOG = LoggerFactory.getLogger(ExchangeJobs.class);
  private static final Duration KEEP = Duration.ofHours(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path uploadDir;
  private final ExecutorService executor;
  private final Clock clock;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  ExchangeJobs(Path uploadDir, ExecutorService executor, Clock clock) {
    this.uploadDir = uploadDir;
    this.executor = executor;
    this.clock = clock;
  }

  /** What a job does in its folder, reporting progress; returns its report. */
  @FunctionalInterface
  interface Work {
    Outcome run(Path folder, ImportProgress progress);
  }

  /** The result of a job: its report, the inquiry it made or concerns, a file to download. */
  public record Outcome(ExchangeReport report, InquiryId inquiry, Optional<Path> download) {}

  /** The states of a job. */
  public enum State {
    RUNNING,
    DONE,
    FAILED
  }

  /**
   * What the job page shows.
   *
   * @param from the page whose form started the job, to go back to (to try again after a failure)
   */
  public record Status(
      String id,
      String title,
      String from,
      State state,
      int done,
      int total,
      String current,
      Optional<Outcome> outcome,
      String failure) {}

  private static final class Job {
    final String id;
    final String title;
    final String from;
    final Path folder;
    volatile State state = State.RUNNING;
    volatile int done;
    volatile int total;
    volatile String current = "";
    volatile Outcome outcome;
    volatile String failure = "";
    volatile Instant finishedAt;

    Job(String id, String title, String from, Path folder) {
      this.id = id;
      this.title = title;
      this.from = from;
      this.folder = folder;
    }
  }

  /** A new folder for a job's files. */
  Path newFolder() {
    try {
      Files.createDirectories(uploadDir);
      return Files.createTempDirectory(uploadDir, "import-exchange-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts a job in a folder made by {@link #newFolder()}; returns its id.
   *
   * @param from the page whose form starts the job
   */
  String start(String title, String from, Path folder, Work work) {
    forgetOld();
    byte[] random = new byte[12];
    RANDOM.nextBytes(random);
    Job job = new Job(HexFormat.of().formatHex(random), title, from, folder);
    jobs.put(job.id, job);
    executor.execute(
        () -> {
          try {
            job.outcome =
                work.run(
                    folder,
                    (done, total, name) -> {
                      job.done = done;
                      job.total = total;
                      job.current = name;
                    });
            job.state = State.DONE;
          } catch (FabriqueException e) {
            job.failure = e.getMessage();
            job.state = State.FAILED;
          } catch (RuntimeException e) {
            LOG.error("Exchange job {} failed ({})", job.id, e.getClass().getName(), e);
            job.failure = "";
            job.state = State.FAILED;
          } finally {
            job.finishedAt = clock.instant();
          }
        });
    return job.id;
  }

  Optional<Status> status(String id) {
    return Optional.ofNullable(jobs.get(id))
        .map(
            job ->
                new Status(
                    job.id,
                    job.title,
                    job.from,
                    job.state,
                    job.done,
                    job.total,
                    job.current,
                    Optional.ofNullable(job.outcome),
                    job.failure));
  }

  private void forgetOld() {
    Instant limit = clock.instant().minus(KEEP);
    jobs.values()
        .removeIf(
            job -> {
              boolean old = job.finishedAt != null && job.finishedAt.isBefore(limit);
              if (old) {
                ImportJobs.deleteFolder(job.folder);
              }
              return old;
            });
  }
}
