package org.fabrique.formats.refi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fabrique.core.corpus.ImportProgress;
import org.fabrique.core.corpus.TextExtractor;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.Problem;
import org.fabrique.core.exchange.ExchangeOperations;
import org.fabrique.core.exchange.ExchangeReport;
import org.fabrique.core.exchange.ForeignDatabase;
import org.fabrique.core.exchange.ImportedProject;
import org.fabrique.core.history.History;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.Names;
import org.fabrique.core.store.Store;
import org.fabrique.core.user.UserId;
import org.fabrique.formats.refi.RefiModel.Project;

/**
 * Imports a REFI-QDA project (.qdpx or bare .qde) as a new inquiry. Texts go to the blob store
 * first, one source at a time; then the whole inquiry is written in one transaction, so that it is
 * created whole or not at all.
 */
final class ProjectImporter {
  static final String OPERATION = "Import of a REFI-QDA project";
  static final String QUALCODER = "Import of a QualCoder project";

  private final Store store;
  private final History history;
  private final Optional<TextExtractor> extractor;
  private final Clock clock;
  private final ArchiveLimits limits;
  private final ExternalFiles external;
  private final ForeignDatabase.Opener databases;

  ProjectImporter(
      Store store,
      History history,
      Optional<TextExtractor> extractor,
      Clock clock,
      ArchiveLimits limits,
      ExternalFiles external,
      ForeignDatabase.Opener databases) {
    this.store = store;
    this.history = history;
    this.extractor = extractor;
    this.clock = clock;
    this.limits = limits;
    this.external = external;
    this.databases = databases;
  }

  ImportedProject importProject(
      Path file, Optional<String> name, UserId user, ImportProgress progress) {
    try {
      return importOrRefuse(file, name, user, progress);
    } catch (InvalidInputException refusal) {
      Reports.writeRefusal(file, operation(file), refusal);
      throw refusal;
    }
  }

  private ImportedProject importOrRefuse(
      Path file, Optional<String> name, UserId user, ImportProgress progress) {
    String fileName = file.getFileName().toString();
    List<Problem> problems = new ArrayList<>();
    if (QualCoderProject.is(file)) {
      Path folder = QualCoderProject.folderOf(file);
      try (QdpxArchive archive = QdpxArchive.folder(folder, limits);
          ForeignDatabase db = databases.open(folder.resolve(QualCoderProject.DATABASE))) {
        Project project =
            QualCoderProject.read(
                db,
                folder.getFileName() + "/" + QualCoderProject.DATABASE,
                path -> archive.locate(path).isPresent(),
                problems);
        return build(file, name, user, progress, archive, project, problems);
      }
    }
    try (QdpxArchive archive = QdpxArchive.open(file, limits)) {
      Project project;
      try (InputStream in = archive.openQde()) {
        project = new QdeReader(problems).read(in, qdeName(fileName));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (project.namespace().contains(":codebook:")) {
        throw new InvalidInputException(
            fileName + " is a REFI-QDA codebook, not a project: import it into an inquiry");
      }
      return build(file, name, user, progress, archive, project, problems);
    }
  }

  private static String operation(Path file) {
    return QualCoderProject.is(file) ? QUALCODER : OPERATION;
  }

  /** Reads the texts of the project's sources, then writes the inquiry in one transaction. */
  private ImportedProject build(
      Path file,
      Optional<String> name,
      UserId user,
      ImportProgress progress,
      QdpxArchive archive,
      Project project,
      List<Problem> problems) {
    String fileName = file.getFileName().toString();
    Losses losses = new Losses();
    SourceTexts texts =
        new SourceTexts(archive, store.blobs(), extractor, external, project, problems, losses);
    List<SourceTexts.Prepared> prepared = new ArrayList<>();
    int total = project.sources().size();
    for (int i = 0; i < total; i++) {
      RefiModel.Source source = project.sources().get(i);
      progress.update(i, total, source.name());
      if (source.kind() == RefiModel.SourceKind.TEXT
          || source.kind() == RefiModel.SourceKind.PDF
          || source.plainTextPath().isPresent()
          || source.plainTextContent().isPresent()) {
        texts.prepare(source).ifPresent(prepared::add);
      } else {
        problems.add(
            Problem.error(
                source.location(),
                SourceTexts.label(source)
                    + " is not carried: Fabrique holds text sources, and this one has no text ("
                    + (source.selections().size() + source.otherSelections())
                    + " selection(s) and "
                    + source.codings().size()
                    + " whole-source coding(s) lost)"));
        losses.source(source);
        losses.add("selections", source.otherSelections());
        losses.add("codings", source.otherCodings());
      }
    }
    Map<String, String> noteTexts = noteTexts(project, texts, problems);
    archive
        .otherEntries()
        .forEach(
            entry ->
                problems.add(
                    Problem.info(fileName, "The archive entry " + entry + " was not read")));
    String inquiryName =
        Names.required(
            name.filter(n -> !n.isBlank())
                .orElse(project.name().isBlank() ? baseName(fileName) : project.name()),
            "An inquiry");
    Built built =
        store.inTransaction(
            tx -> {
              InquiryBuilder builder =
                  new InquiryBuilder(tx, user, clock.instant(), problems, losses);
              noteTexts.forEach(builder::noteText);
              InquiryId id = builder.build(inquiryName, project, prepared);
              new ExchangeOperations.RecordGuids(id, builder.guids()).apply(tx);
              tx.receivedFacts().putAll(id, builder.received());
              history.apply(
                  tx,
                  id,
                  user,
                  new ExchangeOperations.ProjectImported(id, fileName, summary(builder.counts())));
              return new Built(id, builder.counts());
            });
    progress.update(total, total, "");
    ExchangeReport report =
        Reports.writeBeside(
            file,
            new ExchangeReport(
                operation(file), fileName, built.counts(), problems, losses.asMap()));
    return new ImportedProject(built.inquiry(), report);
  }

  private record Built(InquiryId inquiry, Map<String, Integer> counts) {}

  private static Map<String, String> noteTexts(
      Project project, SourceTexts texts, List<Problem> problems) {
    Map<String, String> found = new HashMap<>();
    for (RefiModel.Note note : project.notes()) {
      if (note.plainTextContent().isPresent() || note.plainTextPath().isEmpty()) {
        continue;
      }
      Optional<Path> file =
          texts.fetch(note.plainTextPath().get(), note.location(), "the note " + note.guid());
      file.ifPresent(
          f -> {
            try {
              found.put(note.guid(), Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
              problems.add(
                  Problem.error(
                      note.location(),
                      "The text of the note " + note.guid() + " is not UTF-8: not carried"));
            } finally {
              SourceTexts.deleteQuietly(f);
            }
          });
    }
    return found;
  }

  static String summary(Map<String, Integer> counts) {
    return counts.isEmpty()
        ? "empty"
        : counts.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(", "));
  }

  private static String qdeName(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".qde")
        ? fileName
        : fileName + "!/project.qde";
  }

  private static String baseName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
