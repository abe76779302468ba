package org.fabrique.core.search;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.fabrique.core.analysis.TextStructure;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.Coding;
import org.fabrique.core.coding.CodingId;
import org.fabrique.core.coding.CodingOperations;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.history.CompositeOperation;
import org.fabrique.core.history.History;
import org.fabrique.core.history.Operation;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.store.Store;
import org.fabrique.core.user.UserId;

/**
 * Codes the hits of a search with one code, as one operation that one undo takes back: each hit (or
 * the paragraph around it) becomes a segment, a passage the coder already coded with the code is
 * left as it is, and hits in memos are left out.
 */
final class AutoCoder {
  private final Store store;
  private final CorpusService corpus;
  private final History history;
  private final Clock clock;

  AutoCoder(Store store, CorpusService corpus, History history, Clock clock) {
    this.store = store;
    this.corpus = corpus;
    this.history = history;
    this.clock = clock;
  }

  SearchService.AutoCoded code(
      InquiryId inquiry, UserId coder, List<Hit> hits, CodeId codeId, AutoCodeExtent extent) {
    Map<SourceId, Set<List<Integer>>> spans = new HashMap<>();
    for (Hit hit : hits) {
      if (hit.document().kind() == DocumentKind.MEMO || hit.sourceId().isEmpty()) {
        continue;
      }
      SourceId source = hit.sourceId().get();
      int start = hit.start();
      int end = hit.end();
      if (extent == AutoCodeExtent.PARAGRAPH) {
        for (TextStructure.Span paragraph : TextStructure.paragraphsOf(corpus.text(source))) {
          if (paragraph.start() <= start && start < paragraph.end()) {
            start = paragraph.start();
            end = Math.max(end, paragraph.end());
            break;
          }
        }
      }
      spans
          .computeIfAbsent(
              source,
              k ->
                  new TreeSet<>(
                      Comparator.<List<Integer>>comparingInt(s -> s.get(0))
                          .thenComparingInt(s -> s.get(1))))
          .add(List.of(start, end));
    }
    return store.inTransaction(
        tx -> {
          Code code =
              tx.coding()
                  .findCode(codeId)
                  .orElseThrow(() -> new NotFoundException("There is no code " + codeId));
          if (!code.inquiryId().equals(inquiry)) {
            throw new InvalidInputException("Code " + codeId + " belongs to another inquiry");
          }
          if (!code.codable()) {
            throw new InvalidInputException("The code " + code.name() + " only groups other codes");
          }
          List<Operation> steps = new ArrayList<>();
          int already = 0;
          Set<SegmentId> fresh = new HashSet<>();
          for (Map.Entry<SourceId, Set<List<Integer>>> entry : spans.entrySet()) {
            PlainText text = corpus.text(entry.getKey());
            for (List<Integer> span : entry.getValue()) {
              int start = span.get(0);
              int end = span.get(1);
              Optional<Segment> existing = tx.coding().findSegment(entry.getKey(), start, end);
              if (existing.isPresent()
                  && tx.coding().codingsOfSegment(existing.get().id()).stream()
                      .anyMatch(c -> c.codeId().equals(codeId) && c.coderId().equals(coder))) {
                already++;
                continue;
              }
              Segment segment =
                  existing.orElseGet(
                      () ->
                          new Segment(
                              new SegmentId(tx.newId()),
                              entry.getKey(),
                              start,
                              end,
                              text.substring(start, end)));
              fresh.add(segment.id());
              steps.add(
                  new CodingOperations.AddCoding(
                      segment,
                      new Coding(
                          new CodingId(tx.newId()), segment.id(), codeId, coder, clock.instant())));
            }
          }
          if (!steps.isEmpty()) {
            history.apply(
                tx,
                inquiry,
                coder,
                new CompositeOperation(
                    "Auto-coded " + steps.size() + " search hits with code " + code.name(), steps));
          }
          return new SearchService.AutoCoded(hits.size(), steps.size(), already);
        });
  }
}
