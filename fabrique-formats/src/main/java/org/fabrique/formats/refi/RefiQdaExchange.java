package org.fabrique.formats.refi;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.corpus.TextExtractor;
import org.fabrique.core.exchange.ExchangeReport;
import org.fabrique.core.exchange.ForeignDatabase;
import org.fabrique.core.exchange.ImportedProject;
import org.fabrique.core.exchange.QdaExchange;
import org.fabrique.core.history.History;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.core.store.Store;
import org.fabrique.core.user.UserId;

/**
 * REFI-QDA exchange: projects (.qdpx, bare .qde) and codebooks (.qdc) in and out, each with its
 * data-loss report written beside the file.
 */
public final class RefiQdaExchange implements QdaExchange {
  private final Store store;
  private final ProjectImporter importer;
  private final ProjectExporter exporter;
  private final CodebookExchange codebooks;

  public RefiQdaExchange(
      Store store,
      History history,
      Optional<TextExtractor> extractor,
      Clock clock,
      ArchiveLimits limits,
      ExternalFiles external,
      ForeignDatabase.Opener databases,
      List<JourneyNotes> journeyNotes) {
    this.importer =
        new ProjectImporter(store, history, extractor, clock, limits, external, databases);
    this.exporter = new ProjectExporter(store, journeyNotes);
    this.codebooks = new CodebookExchange(store, history, limits);
    this.store = store;
  }

  /**
   * The exchange of a server: default limits, external files never read, QualCoder projects not
   * read (no database reader).
   */
  public static QdaExchange.Factory factory() {
    return factory(ExternalFiles.REFUSE, ForeignDatabase.Opener.NONE);
  }

  /**
   * The exchange with a policy for external files (the command line reads them) and a reader of
   * database files (QualCoder projects).
   */
  public static QdaExchange.Factory factory(
      ExternalFiles external, ForeignDatabase.Opener databases) {
    return (store, history, extractor, clock) ->
        new RefiQdaExchange(
            store,
            history,
            Optional.ofNullable(extractor),
            clock,
            ArchiveLimits.DEFAULT,
            external,
            databases,
            List.of(new JourneyElementNotes()));
  }

  @Override
  public ImportedProject importProject(
      Path file, Optional<String> name, UserId user, ImportProgress progress) {
    return importer.importProject(file, name, user, progress);
  }

  @Override
  public ExchangeReport exportProject(
      InquiryId inquiry, Path file, ExportScope scope, ImportProgress progress) {
    return exporter.export(inquiry, file, scope, progress);
  }

  @Override
  public ExchangeReport importCodebook(InquiryId inquiry, UserId user, Path file) {
    // An import into an existing inquiry: a snapshot first, to go back to if it goes wrong.
    store.snapshot("before-codebook-import");
    return codebooks.importCodebook(inquiry, user, file);
  }

  @Override
  public ExchangeReport exportCodebook(InquiryId inquiry, Path file, ExportScope scope) {
    return codebooks.exportCodebook(inquiry, file, scope);
  }
}
