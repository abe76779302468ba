package org.fabrique.core.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeValue;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodedSpan;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.store.Transaction;

/**
 * What the index of an inquiry should hold, read from the store in one transaction: every document
 * with its digest, and a way to build the documents whose digest the index does not have. Texts are
 * loaded only for documents that are built.
 */
final class IndexDocuments {
  /** A document the index should hold: its digest now, and how to build it. */
  record Wanted(String digest, Function<SourceContents, IndexDocument> build) {}

  private IndexDocuments() {}

  static Map<DocumentKey, Wanted> read(Transaction tx, InquiryId inquiry) {
    Map<DocumentKey, Wanted> wanted = new LinkedHashMap<>();
    Map<Long, List<IndexDocument.AttributeValueTerm>> attributesByOwner = new HashMap<>();
    for (AttributeDefinition definition : tx.attributes().listDefinitions(inquiry)) {
      for (AttributeValue value : tx.attributes().valuesOf(definition.id())) {
        attributesByOwner
            .computeIfAbsent(value.ownerId(), k -> new ArrayList<>())
            .add(new IndexDocument.AttributeValueTerm(definition.id(), value.value()));
      }
    }
    Map<SourceId, Source> sources = new LinkedHashMap<>();
    Map<SourceId, List<IndexDocument.AttributeValueTerm>> attributesOfSource = new HashMap<>();
    for (Source source : tx.corpus().listSources(inquiry)) {
      sources.put(source.id(), source);
      List<IndexDocument.AttributeValueTerm> attributes =
          new ArrayList<>(attributesByOwner.getOrDefault(source.id().value(), List.of()));
      source
          .caseId()
          .ifPresent(c -> attributes.addAll(attributesByOwner.getOrDefault(c.value(), List.of())));
      attributes.sort(
          java.util.Comparator.comparingLong(
                  (IndexDocument.AttributeValueTerm a) -> a.attributeId().value())
              .thenComparing(IndexDocument.AttributeValueTerm::value));
      attributesOfSource.put(source.id(), List.copyOf(attributes));
      String digest = digest("source", metadata(source, attributes), source.textDigest());
      wanted.put(
          new DocumentKey(DocumentKind.SOURCE, source.id().value()),
          new Wanted(
              digest,
              contents ->
                  document(
                      new DocumentKey(DocumentKind.SOURCE, source.id().value()),
                      source,
                      contents.text(source).text(),
                      0,
                      attributes,
                      Set.of(),
                      Set.of(),
                      contents.turns(source),
                      digest)));
    }
    Map<SegmentId, List<CodedSpan>> segments = new LinkedHashMap<>();
    tx.coding()
        .forEachSpan(
            inquiry,
            span -> segments.computeIfAbsent(span.segmentId(), k -> new ArrayList<>()).add(span));
    Map<SegmentId, SourceId> sourceOfSegment = new HashMap<>();
    Map<SourceId, String> metadataOfSource = new HashMap<>();
    for (Map.Entry<SegmentId, List<CodedSpan>> entry : segments.entrySet()) {
      CodedSpan first = entry.getValue().get(0);
      Source source = sources.get(first.sourceId());
      if (source == null) {
        continue;
      }
      sourceOfSegment.put(entry.getKey(), source.id());
      List<IndexDocument.AttributeValueTerm> attributes = attributesOfSource.get(source.id());
      List<IndexDocument.CodeCoder> codings = new ArrayList<>();
      for (CodedSpan span : entry.getValue()) {
        codings.add(new IndexDocument.CodeCoder(span.codeId(), span.coderId()));
      }
      wanted.put(
          new DocumentKey(DocumentKind.SEGMENT, entry.getKey().value()),
          segment(
              source,
              metadataOfSource.computeIfAbsent(source.id(), s -> metadata(source, attributes)),
              attributes,
              entry.getKey(),
              first.start(),
              first.end(),
              codings));
    }
    for (Memo memo : tx.memos().list(inquiry)) {
      Optional<SourceId> about =
          memo.target().kind() == ItemKind.SOURCE
              ? Optional.of(new SourceId(memo.target().id()))
              : memo.target().kind() == ItemKind.SEGMENT
                  ? Optional.ofNullable(sourceOfSegment.get(new SegmentId(memo.target().id())))
                  : Optional.empty();
      Optional<Source> source = about.map(sources::get);
      String text = memo.title() + "\n" + memo.body();
      String digest =
          digest(
              "memo",
              memo.title(),
              memo.body(),
              memo.target().toString(),
              source.map(s -> metadata(s, attributesOfSource.get(s.id()))).orElse(""));
      DocumentKey key = new DocumentKey(DocumentKind.MEMO, memo.id().value());
      wanted.put(
          key,
          new Wanted(
              digest,
              contents ->
                  new IndexDocument(
                      key,
                      memo.title(),
                      text,
                      "und",
                      source.map(Source::id),
                      0,
                      source.flatMap(Source::caseId),
                      source.map(Source::kind),
                      source.flatMap(Source::date),
                      source.map(s -> attributesOfSource.get(s.id())).orElse(List.of()),
                      Set.of(),
                      Set.of(),
                      List.of(),
                      digest)));
    }
    return wanted;
  }

  /** The document of a coded segment, with its digest. */
  static Wanted segment(
      Source source,
      String metadata,
      List<IndexDocument.AttributeValueTerm> attributes,
      SegmentId id,
      int start,
      int end,
      List<IndexDocument.CodeCoder> codingsOfSegment) {
    Set<CodeId> codes = new TreeSet<>(java.util.Comparator.comparingLong(CodeId::value));
    Set<IndexDocument.CodeCoder> codings =
        new TreeSet<>(
            java.util.Comparator.comparingLong((IndexDocument.CodeCoder c) -> c.codeId().value())
                .thenComparingLong(c -> c.coderId().value()));
    for (IndexDocument.CodeCoder coding : codingsOfSegment) {
      codes.add(coding.codeId());
      codings.add(coding);
    }
    String digest =
        digest(
            "segment",
            metadata,
            source.textDigest(),
            start + "-" + end,
            codings.stream()
                .map(c -> c.codeId() + "/" + c.coderId())
                .collect(Collectors.joining(",")));
    DocumentKey key = new DocumentKey(DocumentKind.SEGMENT, id.value());
    return new Wanted(
        digest,
        contents ->
            document(
                key,
                source,
                contents.text(source).substring(start, end),
                start,
                attributes,
                codes,
                codings,
                within(contents.turns(source), start, end),
                digest));
  }

  /** The parts of the turns that fall within {@code [start, end)}, counted from start. */
  static List<SpeakerTurn> within(List<SpeakerTurn> turns, int start, int end) {
    List<SpeakerTurn> inside = new ArrayList<>();
    for (SpeakerTurn turn : turns) {
      if (turn.end() > start && turn.start() < end) {
        inside.add(
            new SpeakerTurn(
                Math.max(turn.start(), start) - start,
                Math.min(turn.end(), end) - start,
                turn.speaker(),
                turn.timestamp()));
      }
    }
    return inside;
  }

  /** The attribute values of a source and of its case, in the order the digests use. */
  static List<IndexDocument.AttributeValueTerm> attributesOf(Transaction tx, Source source) {
    List<IndexDocument.AttributeValueTerm> attributes = new ArrayList<>();
    for (var value : tx.attributes().valuesOfOwner(source.id().value())) {
      attributes.add(new IndexDocument.AttributeValueTerm(value.attributeId(), value.value()));
    }
    source
        .caseId()
        .ifPresent(
            c -> {
              for (var value : tx.attributes().valuesOfOwner(c.value())) {
                attributes.add(
                    new IndexDocument.AttributeValueTerm(value.attributeId(), value.value()));
              }
            });
    attributes.sort(ATTRIBUTE_ORDER);
    return List.copyOf(attributes);
  }

  private static final java.util.Comparator<IndexDocument.AttributeValueTerm> ATTRIBUTE_ORDER =
      java.util.Comparator.comparingLong(
              (IndexDocument.AttributeValueTerm a) -> a.attributeId().value())
          .thenComparing(IndexDocument.AttributeValueTerm::value);

  private static IndexDocument document(
      DocumentKey key,
      Source source,
      String text,
      int offset,
      List<IndexDocument.AttributeValueTerm> attributes,
      Set<CodeId> codes,
      Set<IndexDocument.CodeCoder> codings,
      List<SpeakerTurn> turns,
      String digest) {
    return new IndexDocument(
        key,
        source.title(),
        text,
        source.language(),
        Optional.of(source.id()),
        offset,
        source.caseId(),
        Optional.of(source.kind()),
        source.date(),
        attributes,
        codes,
        codings,
        turns,
        digest);
  }

  static String metadata(Source source, List<IndexDocument.AttributeValueTerm> attributes) {
    return String.join(
        "|",
        source.title(),
        source.kind().id(),
        source.date().map(Object::toString).orElse(""),
        source.language(),
        source.caseId().map(Object::toString).orElse(""),
        attributes.stream()
            .map(a -> a.attributeId() + "=" + a.value())
            .collect(Collectors.joining(";")));
  }

  /** A 64-bit FNV-1a fingerprint of the parts, in hexadecimal. */
  static String digest(String... parts) {
    long hash = 0xcbf29ce484222325L;
    for (String part : parts) {
      for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
        hash ^= b & 0xff;
        hash *= 0x100000001b3L;
      }
      hash ^= 0x1f;
      hash *= 0x100000001b3L;
    }
    return Long.toHexString(hash);
  }
}
