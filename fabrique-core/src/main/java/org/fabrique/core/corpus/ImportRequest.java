package org.fabrique.core.corpus;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.fabrique.core.inquiry.CaseId;

/**
 * A file to import into the corpus, with what the user said of it. Anything left empty is guessed:
 * the title from the file's metadata or name, the kind from the text (a transcript is an
 * interview), the language by detection.
 */
public record ImportRequest(
    String fileName,
    Path file,
    Optional<String> title,
    Optional<SourceKind> kind,
    Optional<LocalDate> date,
    Optional<String> language,
    Optional<CaseId> caseId,
    Confidentiality confidentiality) {

  /** A file with nothing said of it: everything guessed, confidential by default. */
  public static ImportRequest of(String fileName, Path file) {
    return new ImportRequest(
        fileName,
        file,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Confidentiality.CONFIDENTIAL);
  }

  public ImportRequest withKind(SourceKind newKind) {
    return new ImportRequest(
        fileName, file, title, Optional.of(newKind), date, language, caseId, confidentiality);
  }

  public ImportRequest withCase(CaseId newCase) {
    return new ImportRequest(
        fileName, file, title, kind, date, language, Optional.of(newCase), confidentiality);
  }

  public ImportRequest withTitle(String newTitle) {
    return new ImportRequest(
        fileName, file, Optional.of(newTitle), kind, date, language, caseId, confidentiality);
  }

  public ImportRequest withDate(LocalDate newDate) {
    return new ImportRequest(
        fileName, file, title, kind, Optional.of(newDate), language, caseId, confidentiality);
  }
}
