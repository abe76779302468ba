package org.fabrique.core.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.corpus.TextExtractor;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.history.History;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.core.store.Store;
import org.fabrique.core.user.UserId;

/**
 * Exchange of whole projects and codebooks with other QDA software (REFI-QDA: .qdpx, .qde, .qdc).
 * Every operation writes its data-loss report beside the file ({@code FILE.report.md}) and returns
 * it.
 */
public interface QdaExchange {

  /**
   * Creates a new inquiry from a project file; either the whole inquiry is created or nothing.
   *
   * @param name the name of the new inquiry; empty to take the project's
   * @throws org.fabrique.core.error.InvalidInputException when the file is refused (hostile,
   *     broken, not a project), with what and where
   */
  ImportedProject importProject(
      Path file, Optional<String> name, UserId user, ImportProgress progress);

  /** Writes an inquiry as a project file (.qdpx), as stored (the internal profile). */
  default ExchangeReport exportProject(InquiryId inquiry, Path file, ImportProgress progress) {
    return exportProject(inquiry, file, ExportScope.asStored(), progress);
  }

  /**
   * Writes an inquiry as a project file (.qdpx) under a redaction profile: the sources it leaves
   * out are left out with their selections, codings, memos and links; texts, quotes, names and
   * notes go out redacted, with positions remapped; the originals of sources go out only as stored.
   * What was redacted and left out is added to the data-loss report.
   */
  ExchangeReport exportProject(
      InquiryId inquiry, Path file, ExportScope scope, ImportProgress progress);

  /** Adds the codes and code sets of a codebook file (.qdc) to an inquiry, in one undoable step. */
  ExchangeReport importCodebook(InquiryId inquiry, UserId user, Path file);

  /** Writes the codebook of an inquiry (.qdc), as stored (the internal profile). */
  default ExchangeReport exportCodebook(InquiryId inquiry, Path file) {
    return exportCodebook(inquiry, file, ExportScope.asStored());
  }

  /** Writes the codebook of an inquiry (.qdc) with its names and descriptions redacted. */
  ExchangeReport exportCodebook(InquiryId inquiry, Path file, ExportScope scope);

  /** The path of the first report written beside an exchanged file, {@code FILE.report.md}. */
  static Path reportPath(Path file) {
    return file.resolveSibling(file.getFileName() + ".report.md");
  }

  /**
   * Where the report of a new operation on a file goes: {@code FILE.report.md}, or {@code
   * FILE.report-2.md}, {@code -3}… when earlier reports are there, so that none is overwritten (the
   * report of importing a file does not replace the report of exporting it). {@link
   * ExchangeReport#reportFile()} says which was written.
   */
  static Path newReportPath(Path file) {
    Path path = reportPath(file);
    for (int n = 2; Files.exists(path); n++) {
      path = file.resolveSibling(file.getFileName() + ".report-" + n + ".md");
    }
    return path;
  }

  /** Builds the exchange on the store and the history; the composition root chooses one. */
  @FunctionalInterface
  interface Factory {
    /** No exchange: every operation says that it is not available in this build. */
    Factory NONE = (store, history, extractor, clock) -> new Unavailable();

    QdaExchange on(Store store, History history, TextExtractor extractor, Clock clock);
  }

  /** The exchange of a build without fabrique-formats. */
  final class Unavailable implements QdaExchange {
    private static InvalidInputException refusal() {
      return new InvalidInputException("REFI-QDA exchange is not available in this build");
    }

    @Override
    public ImportedProject importProject(
        Path file, Optional<String> name, UserId user, ImportProgress progress) {
      throw refusal();
    }

    @Override
    public ExchangeReport exportProject(
        InquiryId inquiry, Path file, ExportScope scope, ImportProgress progress) {
      throw refusal();
    }

    @Override
    public ExchangeReport importCodebook(InquiryId inquiry, UserId user, Path file) {
      throw refusal();
    }

    @Override
    public ExchangeReport exportCodebook(InquiryId inquiry, Path file, ExportScope scope) {
      throw refusal();
    }
  }
}
