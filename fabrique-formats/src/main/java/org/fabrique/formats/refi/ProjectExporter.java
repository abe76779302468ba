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
import org.fabrique.core.set.ItemSet;
import org.fabrique.core.store.Store;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.UserId;

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
              new Writing(tx, inquiryId, zip, problems, counts, progress).write();
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

  /** One export, inside its read transaction. */
  private final class Writing {
    private final Transaction tx;
    private final InquiryId inquiryId;
    private final ZipOutputStream zip;
    private final List<Problem> problems;
    private final Map<String, Integer> counts;
    private final ImportProgress progress;
    private final ExportGuids guids;
    private final SourceFiles sourceFiles;
    private XmlOut xml;
    private ProjectXml project;

    Writing(
        Transaction tx,
        InquiryId inquiryId,
        ZipOutputStream zip,
        List<Problem> problems,
        Map<String, Integer> counts,
        ImportProgress progress) {
      this.tx = tx;
      this.inquiryId = inquiryId;
      this.zip = zip;
      this.problems = problems;
      this.counts = counts;
      this.progress = progress;
      this.guids = new ExportGuids(tx, inquiryId);
      this.sourceFiles = new SourceFiles(store.blobs(), zip, guids);
    }

    void write() throws IOException {
      Inquiry inquiry =
          tx.inquiries()
              .findInquiry(inquiryId)
              .orElseThrow(() -> new NotFoundException("There is no inquiry " + inquiryId));
      List<Source> sources = tx.corpus().listSources(inquiryId);
      for (int i = 0; i < sources.size(); i++) {
        progress.update(i, sources.size() * 2, sources.get(i).title());
        sourceFiles.copy(sources.get(i));
      }
      zip.putNextEntry(new ZipEntry("project.qde"));
      xml = new XmlOut(new NonClosing(zip), QdeReader.PROJECT_NAMESPACE, problems);
      project = new ProjectXml(tx, inquiryId, xml, guids, problems, counts);
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
        ExportedSources texts = new ExportedSources(project, sourceFiles, variables);
        xml.start("Sources");
        for (int i = 0; i < sources.size(); i++) {
          progress.update(sources.size() + i, sources.size() * 2, sources.get(i).title());
          texts.write(sources.get(i));
        }
        xml.end();
      }
      List<Link> links = new ArrayList<>(tx.links().list(inquiryId));
      List<ExportedNotes.NoteLink> noteLinks = new ExportedNotes(project, journeyNotes).write();
      links(links, noteLinks);
      sets();
      if (!inquiry.description().isBlank()) {
        xml.element("Description", inquiry.description());
      }
      noteRefs(new ItemRef(ItemKind.INQUIRY, inquiryId.value()));
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

    private String userGuid(UserId id) {
      return project.userGuid(id);
    }

    private void noteRefs(ItemRef item) {
      project.noteRefs(item);
    }

    private void links(List<Link> links, List<ExportedNotes.NoteLink> noteLinks) {
      List<Link> carried = new ArrayList<>();
      for (Link link : links) {
        if (ProjectXml.EXPORTED.contains(link.origin().kind())
            && ProjectXml.EXPORTED.contains(link.target().kind())) {
          carried.add(link);
        } else {
          problems.add(
              Problem.error(
                  "link " + link.id(),
                  "A link between a "
                      + link.origin().kind().id()
                      + " and a "
                      + link.target().kind().id()
                      + " is not carried: REFI-QDA has no such items"));
        }
      }
      if (carried.isEmpty() && noteLinks.isEmpty()) {
        return;
      }
      xml.start("Links");
      for (Link link : carried) {
        ItemRef ref = ref(ItemKind.LINK, link.id().value());
        xml.start("Link");
        xml.attribute("guid", guids.of(ref));
        if (!link.name().isEmpty()) {
          xml.attribute("name", link.name());
        }
        xml.attribute(
            "direction",
            switch (link.direction()) {
              case ASSOCIATIVE -> "Associative";
              case ONE_WAY -> "OneWay";
              case BIDIRECTIONAL -> "Bidirectional";
            });
        link.colour().ifPresent(c -> xml.attribute("color", c));
        xml.attribute("originGUID", guids.of(link.origin()));
        xml.attribute("targetGUID", guids.of(link.target()));
        noteRefs(ref);
        xml.end();
        count("links");
      }
      for (ExportedNotes.NoteLink noteLink : noteLinks) {
        xml.start("Link");
        xml.attribute("guid", noteLink.guid());
        xml.attribute("name", InquiryBuilder.NOTE_ABOUT);
        xml.attribute("direction", "OneWay");
        xml.attribute("originGUID", noteLink.noteGuid());
        xml.attribute("targetGUID", noteLink.itemGuid());
        xml.end();
      }
      xml.end();
    }

    private void sets() {
      List<ItemSet> sets = tx.sets().list(inquiryId);
      if (sets.isEmpty()) {
        return;
      }
      xml.start("Sets");
      for (ItemSet set : sets) {
        xml.start("Set");
        xml.attribute("guid", guids.of(ref(ItemKind.SET, set.id().value())));
        xml.attribute("name", set.name());
        if (!set.description().isBlank()) {
          xml.element("Description", set.description());
        }
        for (ItemKind kind : List.of(ItemKind.CODE, ItemKind.SOURCE, ItemKind.MEMO)) {
          String element =
              switch (kind) {
                case CODE -> "MemberCode";
                case SOURCE -> "MemberSource";
                default -> "MemberNote";
              };
          set.members().stream()
              .filter(m -> m.kind() == kind)
              .forEach(m -> xml.ref(element, "targetGUID", guids.of(m)));
        }
        long others =
            set.members().stream()
                .filter(
                    m ->
                        m.kind() != ItemKind.CODE
                            && m.kind() != ItemKind.SOURCE
                            && m.kind() != ItemKind.MEMO)
                .count();
        if (others > 0) {
          problems.add(
              Problem.error(
                  "set " + set.id(),
                  others
                      + " member(s) of the set "
                      + set.name()
                      + " are not carried: REFI-QDA "
                      + "sets hold codes, sources and notes only"));
        }
        xml.end();
        count("sets");
      }
      xml.end();
    }

    private void count(String kind) {
      project.count(kind);
    }
  }

  private static ItemRef ref(ItemKind kind, long id) {
    return new ItemRef(kind, id);
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
