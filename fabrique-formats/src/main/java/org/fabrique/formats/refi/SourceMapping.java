package org.fabrique.formats.refi;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.Coding;
import org.fabrique.core.coding.CodingId;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.error.Problem;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.memo.MemoId;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.UserId;

/**
 * REFI sources become text sources during a project import, their text selections segments (one per
 * passage) and their codings codings (one per code and coder on a passage); descriptions of sources
 * and selections become memos.
 */
final class SourceMapping {
  private final ImportScope scope;

  SourceMapping(ImportScope scope) {
    this.scope = scope;
  }

  /**
   * Creates a source in the case that holds it, with its description as a memo, its attribute
   * values, and its selections and codings as segments and codings.
   */
  void source(
      SourceTexts.Prepared prepared, Map<String, CaseId> caseOfSource, VariableMapping attributes) {
    Transaction tx = scope.tx();
    RefiModel.Source refi = prepared.source();
    SourceId id = new SourceId(tx.newId());
    String title = refi.name().strip();
    if (title.isEmpty()) {
      title = prepared.originalFileName();
    }
    if (title.matches("(?i)\\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\}?")) {
      scope.report(
          Problem.info(refi.location(), "The source " + refi.guid() + " is named by a GUID"));
    }
    Instant created = scope.instant(refi.creationDateTime(), refi.location());
    tx.corpus()
        .insertSource(
            new org.fabrique.core.corpus.Source(
                id,
                scope.inquiry(),
                InquiryBuilder.truncate(title),
                prepared.turns().isEmpty() ? SourceKind.DOCUMENT : SourceKind.INTERVIEW,
                Optional.empty(),
                "und",
                Optional.ofNullable(caseOfSource.get(refi.guid())),
                Confidentiality.CONFIDENTIAL,
                prepared.originalFileName(),
                prepared.mediaType(),
                prepared.originalDigest(),
                prepared.textDigest(),
                prepared.length(),
                created,
                scope.user(refi.creatingUser())));
    if (!prepared.turns().isEmpty()) {
      tx.corpus().insertTurns(id, prepared.turns());
    }
    ItemRef ref = new ItemRef(ItemKind.SOURCE, id.value());
    scope.register(refi.guid(), ref);
    scope.count("sources");
    if (refi.kind() != RefiModel.SourceKind.TEXT) {
      scope.report(
          Problem.warning(
              refi.location(),
              SourceTexts.label(refi)
                  + " became a text source (its text representation); its "
                  + "original is kept"));
    }
    if (refi.otherSelections() > 0) {
      scope.report(
          Problem.error(
              refi.location(),
              refi.otherSelections()
                  + " area, media or transcript selection(s) of "
                  + SourceTexts.label(refi)
                  + " are not carried: Fabrique codes text"));
      scope.lose("selections", refi.otherSelections());
      scope.lose("codings", refi.otherCodings());
    }
    refi.description()
        .filter(d -> !d.isBlank())
        .ifPresent(
            d -> memo(ref, InquiryBuilder.DESCRIPTION_TITLE, d, refi.creatingUser(), created));
    attributes.values(refi.values(), id.value(), AttributeScope.SOURCE);
    Map<List<Integer>, SegmentId> segments = new HashMap<>();
    for (RefiModel.Coding coding : refi.codings()) {
      scope.report(
          Problem.warning(
              coding.location(),
              "A coding of the whole source became a coding of a passage spanning all its text"));
      segment(
          id,
          segments,
          0,
          prepared.length(),
          "",
          List.of(coding),
          refi.location(),
          Optional.empty());
    }
    for (SourceTexts.Placed placed : prepared.selections()) {
      RefiModel.Selection selection = placed.selection();
      scope.count("selections");
      SegmentId segment =
          segment(
              id,
              segments,
              placed.start(),
              placed.end(),
              placed.quote(),
              selection.codings(),
              selection.location(),
              Optional.of(selection.guid()));
      ItemRef segmentRef = new ItemRef(ItemKind.SEGMENT, segment.value());
      selection
          .description()
          .filter(d -> !d.isBlank())
          .ifPresent(
              d ->
                  memo(
                      segmentRef,
                      InquiryBuilder.DESCRIPTION_TITLE,
                      d,
                      selection.creatingUser(),
                      scope.instant(selection.creationDateTime(), selection.location())));
    }
  }

  private SegmentId segment(
      SourceId source,
      Map<List<Integer>, SegmentId> segments,
      int start,
      int end,
      String quote,
      List<RefiModel.Coding> codings,
      String location,
      Optional<String> guid) {
    Transaction tx = scope.tx();
    List<Integer> key = List.of(start, end);
    SegmentId id = segments.get(key);
    if (id == null) {
      id = new SegmentId(tx.newId());
      String text = quote;
      if (text.isEmpty()) {
        text = "";
      }
      tx.coding().insertSegment(new Segment(id, source, start, end, text));
      segments.put(key, id);
      scope.count("segments");
      guid.ifPresent(
          g -> scope.register(g, new ItemRef(ItemKind.SEGMENT, segments.get(key).value())));
    } else if (guid.isPresent()) {
      scope.alias(guid.get(), new ItemRef(ItemKind.SEGMENT, id.value()));
      scope.report(
          Problem.info(
              location,
              "Two selections span the same passage; Fabrique keeps one segment for both"));
    }
    Set<List<Long>> seen = new HashSet<>();
    tx.coding()
        .codingsOfSegment(id)
        .forEach(c -> seen.add(List.of(c.codeId().value(), c.coderId().value())));
    for (RefiModel.Coding refi : codings) {
      ItemRef code = scope.itemOf(refi.codeGuid());
      if (code == null || code.kind() != ItemKind.CODE) {
        scope.report(
            Problem.error(
                refi.location(),
                "The coding refers to the unknown code " + refi.codeGuid() + ": not carried"));
        scope.lose("codings", 1);
        continue;
      }
      UserId coder = scope.user(refi.creatingUser());
      if (!seen.add(List.of(code.id(), coder.value()))) {
        scope.report(
            Problem.info(
                refi.location(),
                "The same passage is coded twice with one code by one coder; kept once"));
        continue;
      }
      CodingId codingId = new CodingId(tx.newId());
      tx.coding()
          .insertCoding(
              new Coding(
                  codingId,
                  id,
                  new CodeId(code.id()),
                  coder,
                  scope.instant(refi.creationDateTime(), refi.location())));
      scope.register(refi.guid(), new ItemRef(ItemKind.CODING, codingId.value()));
      scope.count("codings");
    }
    return id;
  }

  private void memo(
      ItemRef target, String title, String body, Optional<String> author, Instant at) {
    Transaction tx = scope.tx();
    tx.memos()
        .insert(
            new Memo(
                new MemoId(tx.newId()),
                scope.inquiry(),
                target,
                title,
                body,
                scope.user(author),
                at,
                at));
    scope.count("memos");
  }
}
