package org.fabrique.core.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.user.UserId;

/**
 * What the index keeps of a source, a segment or a memo.
 *
 * @param sourceId the source the text comes from (a memo's, when it is about a source or segment)
 * @param offset where the text starts in the source's plain text, in code points (the start of a
 *     segment; 0 for a source and for a memo)
 * @param language the language of the text (ISO 639-1, "und" when unknown): it chooses the analysis
 * @param attributes the values of the attributes of the source and of its case
 * @param codes for a segment, the codes applied to it
 * @param codings for a segment, each code with the coder who applied it
 * @param turns the speaker turns within the text, in code points of the text (not of the source),
 *     so that a search can keep to one speaker's words
 * @param digest a fingerprint of everything above (and of the text), to know when it changed
 */
public record IndexDocument(
    DocumentKey key,
    String title,
    String text,
    String language,
    Optional<SourceId> sourceId,
    int offset,
    Optional<CaseId> caseId,
    Optional<SourceKind> sourceKind,
    Optional<LocalDate> date,
    List<AttributeValueTerm> attributes,
    Set<CodeId> codes,
    Set<CodeCoder> codings,
    List<SpeakerTurn> turns,
    String digest) {
  public IndexDocument {
    attributes = List.copyOf(attributes);
    turns = List.copyOf(turns);
    codes = Set.copyOf(codes);
    codings = Set.copyOf(codings);
  }

  /** The value of an attribute as the index filters it. */
  public record AttributeValueTerm(AttributeId attributeId, String value) {}

  /** A code applied by a coder. */
  public record CodeCoder(CodeId codeId, UserId coderId) {}
}
