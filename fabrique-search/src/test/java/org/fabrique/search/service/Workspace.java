package org.fabrique.search.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.fabrique.core.Fabrique;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.testing.PlainTextFiles;
import org.fabrique.core.user.User;
import org.fabrique.search.LuceneSearchIndex;
import org.fabrique.search.export.TableMatrixExport;
import org.fabrique.store.JdbcStore;

/** A real SQLite store and Lucene index in a temporary directory, for the tests of this module. */
final class Workspace implements AutoCloseable {
  final Path dir;
  final JdbcStore store;
  final LuceneSearchIndex index;
  final Fabrique fabrique;
  final User anne;
  final User bruno;
  final Inquiry inquiry;

  Workspace(Path dir) {
    this.dir = dir;
    this.store = JdbcStore.openSqlite(dir);
    this.index = new LuceneSearchIndex(dir.resolve("index"));
    this.fabrique =
        Fabrique.on(store, new PlainTextFiles(), Clock.systemUTC(), index, new TableMatrixExport());
    this.anne = fabrique.users().ensure("anne", "Anne");
    this.bruno = fabrique.users().ensure("bruno", "Bruno");
    this.inquiry = fabrique.inquiries().create("Reuse of registry data", "");
  }

  /** Imports a text as a source. */
  Source source(
      String title, String language, String text, SourceKind kind, Optional<CaseId> caseId) {
    try {
      Path file = Files.createTempFile(dir, "source", ".txt");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return fabrique
          .corpus()
          .importFile(
              inquiry.id(),
              anne.id(),
              new ImportRequest(
                  title + ".txt",
                  file,
                  Optional.of(title),
                  Optional.of(kind),
                  Optional.of(LocalDate.of(2025, 3, 12)),
                  Optional.of(language),
                  caseId,
                  Confidentiality.CONFIDENTIAL));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    index.close();
    store.close();
  }
}
