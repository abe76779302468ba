package org.fabrique.search;

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
import org.fabrique.core.search.DocumentKey;
import org.fabrique.core.search.DocumentKind;
import org.fabrique.core.search.IndexDocument;
import org.fabrique.core.user.UserId;

/** Index documents for tests. */
final class Docs {
  private Docs() {}

  static IndexDocument source(long id, String language, String text) {
    return new IndexDocument(
        new DocumentKey(DocumentKind.SOURCE, id),
        "Source " + id,
        text,
        language,
        Optional.of(new SourceId(id)),
        0,
        Optional.empty(),
        Optional.of(SourceKind.INTERVIEW),
        Optional.empty(),
        List.of(),
        Set.of(),
        Set.of(),
        List.of(),
        "d" + id + text.hashCode());
  }

  static IndexDocument withCase(IndexDocument d, long caseId) {
    return new IndexDocument(
        d.key(),
        d.title(),
        d.text(),
        d.language(),
        d.sourceId(),
        d.offset(),
        Optional.of(new CaseId(caseId)),
        d.sourceKind(),
        d.date(),
        d.attributes(),
        d.codes(),
        d.codings(),
        d.turns(),
        d.digest());
  }

  static IndexDocument withKind(IndexDocument d, SourceKind kind) {
    return new IndexDocument(
        d.key(),
        d.title(),
        d.text(),
        d.language(),
        d.sourceId(),
        d.offset(),
        d.caseId(),
        Optional.of(kind),
        d.date(),
        d.attributes(),
        d.codes(),
        d.codings(),
        d.turns(),
        d.digest());
  }

  static IndexDocument withDate(IndexDocument d, LocalDate date) {
    return new IndexDocument(
        d.key(),
        d.title(),
        d.text(),
        d.language(),
        d.sourceId(),
        d.offset(),
        d.caseId(),
        d.sourceKind(),
        Optional.of(date),
        d.attributes(),
        d.codes(),
        d.codings(),
        d.turns(),
        d.digest());
  }

  static IndexDocument withAttribute(IndexDocument d, long attribute, String value) {
    return new IndexDocument(
        d.key(),
        d.title(),
        d.text(),
        d.language(),
        d.sourceId(),
        d.offset(),
        d.caseId(),
        d.sourceKind(),
        d.date(),
        List.of(new IndexDocument.AttributeValueTerm(new AttributeId(attribute), value)),
        d.codes(),
        d.codings(),
        d.turns(),
        d.digest());
  }

  static IndexDocument segment(
      long id, long source, int start, String language, String quote, long code, long coder) {
    return new IndexDocument(
        new DocumentKey(DocumentKind.SEGMENT, id),
        "Source " + source,
        quote,
        language,
        Optional.of(new SourceId(source)),
        start,
        Optional.empty(),
        Optional.of(SourceKind.INTERVIEW),
        Optional.empty(),
        List.of(),
        Set.of(new CodeId(code)),
        Set.of(new IndexDocument.CodeCoder(new CodeId(code), new UserId(coder))),
        List.of(),
        "s" + id);
  }

  static IndexDocument memo(long id, String text) {
    return new IndexDocument(
        new DocumentKey(DocumentKind.MEMO, id),
        "Memo " + id,
        text,
        "und",
        Optional.empty(),
        0,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Set.of(),
        Set.of(),
        List.of(),
        "m" + id);
  }

  static IndexDocument withTurns(IndexDocument d, List<SpeakerTurn> turns) {
    return new IndexDocument(
        d.key(),
        d.title(),
        d.text(),
        d.language(),
        d.sourceId(),
        d.offset(),
        d.caseId(),
        d.sourceKind(),
        d.date(),
        d.attributes(),
        d.codes(),
        d.codings(),
        turns,
        d.digest() + turns.size());
  }
}
