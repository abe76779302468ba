package org.fabrique.formats.refi;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.exchange.ExchangeReport;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.link.Link;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.store.Store;
import org.fabrique.core.store.Transaction;

/**
 * Writes an inquiry as a REFI-QDA project (.qdpx): the plain texts and originals are streamed from
 * the blob store into {@code sources/}, then {@code project.qde} is streamed with StAX. Nothing of
 * the sources is held in memory; the file appears only when it is complete.
 */
final class ProjectExporter {
  static final String OPERATION = "Export as a REFI-QDA project";
  static final String ORIGIN = "Fabrique";

  private final Store store;
  private final List<JourneyNotes> journeyNotes;

  ProjectExporter(Store store, List<JourneyNotes> journeyNotes) {
    this.store = store;
    this.journeyNotes = journeyNotes;
  }

  ExchangeReport export(InquiryId inquiryId, Path file, ImportProgress progress) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    Path target = file.toAbsolutePath();
    Path partial;
    try {
      partial = Files.createTempFile(target.getParent(), ".fabrique-export", ".part");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      store.inTransaction(
          tx -> {
            try (OutputStream out = Files.newOutputStream(partial);
                ZipOutputStream zip = new ZipOutputStream(out)) {
              write(tx, inquiryId, zip, problems, counts, progress);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return null;
          });
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      SourceTexts.deleteQuietly(partial);
    }
    ExchangeReport report =
        new ExchangeReport(OPERATION, file.getFileName().toString(), counts, problems);
    Reports.writeBeside(file, report);
    return report;
  }

  /** One export, inside its read transaction: the files of the sources, then project.qde. */
  private void write(
      Transaction tx,
      InquiryId inquiryId,
      ZipOutputStream zip,
      List<Problem> problems,
      Map<String, Integer> counts,
      ImportProgress progress)
      throws IOException {
    ExportGuids guids = new ExportGuids(tx, inquiryId);
    List<Memo> memos = tx.memos().list(inquiryId);
    Inquiry inquiry =
        tx.inquiries()
            .findInquiry(inquiryId)
            .orElseThrow(() -> new NotFoundException("There is no inquiry " + inquiryId));
    List<Source> sources = tx.corpus().listSources(inquiryId);
    SourceFiles files = new SourceFiles(store.blobs(), zip, guids);
    for (int i = 0; i < sources.size(); i++) {
      progress.update(i, sources.size() * 2, sources.get(i).title());
      files.copy(sources.get(i));
    }
    zip.putNextEntry(new ZipEntry("project.qde"));
    XmlOut xml = new XmlOut(new NonClosing(zip), QdeReader.PROJECT_NAMESPACE, problems);
    ProjectXml project = new ProjectXml(tx, inquiryId, xml, guids, memos, problems, counts);
    xml.startDocument();
    xml.start("Project");
    xml.rootNamespace(QdeReader.PROJECT_NAMESPACE);
    xml.attribute("name", inquiry.name());
    xml.attribute("origin", ORIGIN);
    xml.attribute("creationDateTime", inquiry.createdAt().toString());
    new ExportedUsers(project).write(sources);
    new ExportedCodebook(project).write();
    ExportedVariables variables = new ExportedVariables(project);
    variables.write();
    new ExportedCases(project, variables).write();
    if (!sources.isEmpty()) {
      ExportedSources texts = new ExportedSources(project, files, variables);
      xml.start("Sources");
      for (int i = 0; i < sources.size(); i++) {
        progress.update(sources.size() + i, sources.size() * 2, sources.get(i).title());
        texts.write(sources.get(i));
      }
      xml.end();
    }
    List<Link> links = tx.links().list(inquiryId);
    List<ExportedNotes.NoteLink> noteLinks = new ExportedNotes(project, journeyNotes).write();
    new ExportedLinks(project).write(links, noteLinks);
    new ExportedSets(project).write();
    project.description(inquiry.description());
    project.noteRefs(new ItemRef(ItemKind.INQUIRY, inquiryId.value()));
    xml.end();
    xml.finish();
    zip.closeEntry();
    problems.add(
        Problem.info(
            "sources",
            "Source kinds, dates, languages, confidentiality levels and speaker turns have no "
                + "place in REFI-QDA and are not carried"));
    problems.add(Problem.info("history", "The history of the inquiry is not carried"));
    progress.update(sources.size() * 2, sources.size() * 2, "");
  }

  /** Lets the XML writer close without closing the zip. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
      out.write(buffer, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
