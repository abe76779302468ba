package org.fabrique.formats.refi;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.exchange.ExchangeReport;
import org.fabrique.core.exchange.ReceivedFact;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.link.Link;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.redaction.ExportScope;
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

  ExchangeReport export(
      InquiryId inquiryId, Path file, ExportScope scope, ImportProgress progress) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (ExportTarget target = new ExportTarget(file)) {
      store.inTransaction(
          tx -> {
            try (OutputStream out = Files.newOutputStream(target.partial());
                ZipOutputStream zip = new ZipOutputStream(out)) {
              write(tx, inquiryId, scope, zip, problems, counts, progress);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return null;
          });
      target.complete(problems);
    }
    return Reports.writeBeside(
        file, new ExchangeReport(OPERATION, file.getFileName().toString(), counts, problems));
  }

  /** One export, inside its read transaction: the files of the sources, then project.qde. */
  private void write(
      Transaction tx,
      InquiryId inquiryId,
      ExportScope scope,
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
    // What the profile lets out is decided first: the sources it leaves out take their
    // selections, codings, memos and links with them.
    List<Source> sources = new ArrayList<>();
    List<Source> leftOut = new ArrayList<>();
    for (Source source : tx.corpus().listSources(inquiryId)) {
      (scope.includes(source) ? sources : leftOut).add(source);
    }
    SourceFiles files = new SourceFiles(store.blobs(), zip, guids, scope);
    for (int i = 0; i < sources.size(); i++) {
      progress.update(i, sources.size() * 2, "");
      files.copy(sources.get(i));
    }
    zip.putNextEntry(new ZipEntry("project.qde"));
    XmlOut xml = new XmlOut(new NonClosing(zip), QdeReader.PROJECT_NAMESPACE, problems);
    ProjectXml project =
        new ProjectXml(tx, inquiryId, xml, guids, memos, problems, counts, scope, leftOut);
    xml.startDocument();
    xml.start("Project");
    xml.rootNamespace(QdeReader.PROJECT_NAMESPACE);
    xml.attribute("name", project.free(inquiry.name()));
    xml.attribute("origin", ORIGIN);
    header(project, inquiry);
    new ExportedUsers(project).write(sources);
    new ExportedCodebook(project).write();
    ExportedVariables variables = new ExportedVariables(project);
    variables.write();
    new ExportedCases(project, variables).write();
    if (!sources.isEmpty()) {
      ExportedSources texts = new ExportedSources(project, files, variables);
      xml.start("Sources");
      for (int i = 0; i < sources.size(); i++) {
        progress.update(sources.size() + i, sources.size() * 2, "");
        texts.write(sources.get(i));
      }
      xml.end();
    }
    List<Link> links = tx.links().list(inquiryId);
    List<ExportedNotes.NoteLink> noteLinks = new ExportedNotes(project, journeyNotes).write();
    new ExportedLinks(project).write(links, noteLinks);
    new ExportedSets(project).write();
    project.description(project.free(inquiry.description()));
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
    if (files.originalsLeftOut() > 0) {
      problems.add(
          Problem.warning(
              "sources",
              files.originalsLeftOut()
                  + " original file(s) (PDF, DOCX…) left out: under the profile "
                  + scope.profile().name()
                  + " only the redacted plain text goes out"));
    }
    project.reportRedaction();
    progress.update(sources.size() * 2, sources.size() * 2, "");
  }

  /**
   * The creation (and last modification) of the project: as the file it was imported from said,
   * kept; else when the inquiry was created. The origin is Fabrique's, since Fabrique writes this
   * file: the origin it came with is said in the report.
   */
  private static void header(ProjectXml project, Inquiry inquiry) {
    ExportFacts facts = project.facts();
    XmlOut xml = project.xml();
    for (String name :
        List.of(
            ReceivedFact.CREATING_USER,
            ReceivedFact.CREATED,
            ReceivedFact.MODIFYING_USER,
            ReceivedFact.MODIFIED)) {
      Optional<String> value = facts.header(name).map(String::strip).filter(v -> valid(name, v));
      if (name.equals(ReceivedFact.CREATED)) {
        value = value.or(() -> Optional.of(inquiry.createdAt().toString()));
      }
      value.ifPresent(v -> xml.attribute(name, v));
    }
    facts
        .header(ReceivedFact.ORIGIN)
        .filter(origin -> !origin.isBlank() && !origin.equals(ORIGIN))
        .ifPresent(
            origin ->
                project.report(
                    facts.header(ReceivedFact.CREATED).isPresent()
                        ? Problem.info(
                            "project.qde",
                            "The inquiry came from a project written by "
                                + origin
                                + ", created "
                                + facts.header(ReceivedFact.CREATED).get()
                                + ". This file is written by "
                                + ORIGIN
                                + " (its origin); the project's creation date and users are"
                                + " kept")
                        : Problem.info(
                            "project.qde",
                            "The inquiry came from a project written by "
                                + origin
                                + ". This file is written by "
                                + ORIGIN
                                + " (its origin); the project's creation date and users are"
                                + " kept")));
  }

  /** A GUID or a date-time the schema accepts (a malformed one received is not written again). */
  private static boolean valid(String attribute, String value) {
    if (attribute.endsWith("GUID")) {
      return org.fabrique.core.exchange.Guids.parse(value).isPresent();
    }
    try {
      java.time.OffsetDateTime.parse(value);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      try {
        java.time.LocalDateTime.parse(value);
        return true;
      } catch (java.time.format.DateTimeParseException again) {
        return false;
      }
    }
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
