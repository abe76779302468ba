package org.fabrique.search;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.search.IndexDocument;

/** Turns the documents of the search port into Lucene documents. */
final class LuceneDocuments {
  /** Text: analysed, stored (for the concordance), with offsets (for the hits). */
  private static final FieldType TEXT = new FieldType();

  /** The same text unstemmed: analysed with offsets, not stored again. */
  private static final FieldType EXACT = new FieldType();

  static {
    TEXT.setTokenized(true);
    TEXT.setStored(true);
    TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    TEXT.freeze();
    EXACT.setTokenized(true);
    EXACT.setStored(false);
    EXACT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    EXACT.freeze();
  }

  private LuceneDocuments() {}

  static Document of(IndexDocument source) {
    Document document = new Document();
    document.add(new StringField(LuceneFields.KEY, source.key().toString(), Field.Store.YES));
    document.add(new StringField(LuceneFields.KIND, source.key().kind().id(), Field.Store.NO));
    document.add(new StoredField(LuceneFields.TITLE, source.title()));
    document.add(new StoredField(LuceneFields.DIGEST, source.digest()));
    document.add(new StoredField(LuceneFields.OFFSET, Integer.toString(source.offset())));
    document.add(new StringField(LuceneFields.LANGUAGE, source.language(), Field.Store.YES));
    document.add(
        new Field(Analyzers.fieldFor(source.key().kind(), source.language()), source.text(), TEXT));
    document.add(new Field(Analyzers.exactFieldFor(source.key().kind()), source.text(), EXACT));
    if (!source.turns().isEmpty()) {
      PlainText text = PlainText.of(source.text());
      StringBuilder turns = new StringBuilder();
      Set<String> speakers = new LinkedHashSet<>();
      for (SpeakerTurn turn : source.turns()) {
        String speaker = SearchText.fold(turn.speaker());
        speakers.add(speaker);
        turns
            .append(text.toUtf16(Math.min(turn.start(), text.length())))
            .append('\t')
            .append(text.toUtf16(Math.min(turn.end(), text.length())))
            .append('\t')
            .append(speaker)
            .append('\n');
      }
      document.add(new StoredField(LuceneFields.TURNS, turns.toString()));
      speakers.forEach(s -> document.add(new StringField(LuceneFields.SPEAKER, s, Field.Store.NO)));
    }
    source
        .sourceId()
        .ifPresent(
            id -> document.add(new StoredField(LuceneFields.SOURCE, Long.toString(id.value()))));
    document.add(
        new NumericDocValuesField(
            LuceneFields.SORT_SOURCE,
            source.sourceId().map(id -> id.value()).orElse(Long.MAX_VALUE)));
    document.add(new NumericDocValuesField(LuceneFields.SORT_OFFSET, source.offset()));
    source
        .caseId()
        .ifPresent(
            id -> document.add(new StringField(LuceneFields.CASE, id.toString(), Field.Store.NO)));
    source
        .sourceKind()
        .ifPresent(
            kind ->
                document.add(new StringField(LuceneFields.SOURCE_KIND, kind.id(), Field.Store.NO)));
    source
        .date()
        .ifPresent(date -> document.add(new LongPoint(LuceneFields.DATE, date.toEpochDay())));
    for (IndexDocument.AttributeValueTerm attribute : source.attributes()) {
      document.add(
          new StringField(
              LuceneFields.ATTRIBUTE,
              LuceneFields.attributeTerm(attribute.attributeId(), attribute.value()),
              Field.Store.NO));
    }
    for (CodeId code : source.codes()) {
      document.add(new StringField(LuceneFields.CODE, code.toString(), Field.Store.NO));
    }
    source.codings().stream()
        .map(c -> c.coderId().toString())
        .distinct()
        .forEach(coder -> document.add(new StringField(LuceneFields.CODER, coder, Field.Store.NO)));
    for (IndexDocument.CodeCoder coding : source.codings()) {
      document.add(
          new StringField(
              LuceneFields.CODING,
              LuceneFields.codingTerm(coding.codeId(), coding.coderId()),
              Field.Store.NO));
    }
    return document;
  }
}
