package org.fabrique.core.corpus;

import java.time.LocalDate;
import java.util.Optional;
import org.fabrique.core.inquiry.CaseId;

/** The editable description of a source. */
public record SourceMetadata(
    String title,
    SourceKind kind,
    Optional<LocalDate> date,
    String language,
    Optional<CaseId> caseId,
    Confidentiality confidentiality) {}
