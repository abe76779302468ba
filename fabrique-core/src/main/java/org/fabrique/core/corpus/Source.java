package org.fabrique.core.corpus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.UserId;

/**
 * A document of the corpus. Its plain text (by {@code textDigest} in the blob store) never changes
 * after import; all positions refer to it.
 *
 * @param length the length of the plain text in Unicode code points
 * @param originalDigest SHA-256 of the original file, as stored in the blob store
 * @param textDigest SHA-256 of the normalised plain text (UTF-8), as stored in the blob store
 */
public record Source(
    SourceId id,
    InquiryId inquiryId,
    String title,
    SourceKind kind,
    Optional<LocalDate> date,
    String language,
    Optional<CaseId> caseId,
    Confidentiality confidentiality,
    String originalFileName,
    String mediaType,
    String originalDigest,
    String textDigest,
    int length,
    Instant importedAt,
    UserId importedBy) {

  public Source withMetadata(SourceMetadata metadata) {
    return new Source(
        id,
        inquiryId,
        metadata.title(),
        metadata.kind(),
        metadata.date(),
        metadata.language(),
        metadata.caseId(),
        metadata.confidentiality(),
        originalFileName,
        mediaType,
        originalDigest,
        textDigest,
        length,
        importedAt,
        importedBy);
  }

  public Source withCase(Optional<CaseId> newCase) {
    SourceMetadata current = metadata();
    return withMetadata(
        new SourceMetadata(title, kind, date, language, newCase, current.confidentiality()));
  }

  public SourceMetadata metadata() {
    return new SourceMetadata(title, kind, date, language, caseId, confidentiality);
  }
}
