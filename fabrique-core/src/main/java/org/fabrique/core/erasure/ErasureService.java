package org.fabrique.core.erasure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeValue;
import org.fabrique.core.coding.Coding;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.history.History;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.redaction.RedactionService;
import org.fabrique.core.search.SearchService;
import org.fabrique.core.set.ItemSet;
import org.fabrique.core.store.Store;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.UserId;

/**
 * Erasure: purging sources (a participant's withdrawal, material that should never have been
 * imported). Unlike a deletion, which the history can undo, a purge removes the original file, the
 * plain text, the index entries, codings, memos, evidence quotes and redactions, and empties every
 * history line that concerned them, keeping a tombstone without content. The database file is then
 * compacted so that no deleted page keeps the text.
 */
public final class ErasureService {
  private final Store store;
  private final History history;
  private final CorpusService corpus;
  private final SearchService search;
  private final RedactionService redactions;
  private final Clock clock;

  public ErasureService(
      Store store,
      History history,
      CorpusService corpus,
      SearchService search,
      RedactionService redactions,
      Clock clock) {
    this.store = store;
    this.history = history;
    this.corpus = corpus;
    this.search = search;
    this.redactions = redactions;
    this.clock = clock;
  }

  /** Purges sources of an inquiry, with everything about them. */
  public PurgeReport purge(UserId user, InquiryId inquiry, List<SourceId> sources) {
    if (sources.isEmpty()) {
      throw new InvalidInputException("Say which sources to purge");
    }
    List<Source> found = new ArrayList<>();
    for (SourceId id : new LinkedHashSet<>(sources)) {
      Source source = corpus.get(id);
      if (!source.inquiryId().equals(inquiry)) {
        throw new InvalidInputException(
            "Source " + id + " belongs to another inquiry than " + inquiry);
      }
      found.add(source);
    }
    List<PlainText> texts = found.stream().map(s -> corpus.text(s.id())).toList();
    String on = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
    Counts counts =
        store.inTransaction(
            tx -> {
              Counts c = new Counts();
              Set<Long> purged = new HashSet<>();
              for (int i = 0; i < found.size(); i++) {
                purgeOne(tx, found.get(i), texts.get(i), purged, c);
              }
              String what =
                  "source "
                      + String.join(", ", found.stream().map(s -> s.id().toString()).toList());
              c.historyLines = tx.history().tombstone(inquiry, purged, new Purged(what, on));
              history.apply(tx, inquiry, user, new Purged.Purge(what, on));
              return c;
            });
    int[] blobs = removeBlobs(found);
    store.reclaimSpace();
    search.reindex(inquiry);
    return new PurgeReport(
        found.stream().map(Source::id).toList(),
        counts.segments,
        counts.codings,
        counts.memos,
        counts.evidence,
        counts.values,
        counts.redactions,
        counts.historyLines,
        blobs[0],
        blobs[1]);
  }

  /** Purges every source of a case (a participant who withdrew) and the memos about the case. */
  public PurgeReport withdrawCase(UserId user, InquiryId inquiry, CaseId caseId) {
    var theCase = store.inTransaction(tx -> tx.inquiries().findCase(caseId));
    if (theCase.isEmpty() || !theCase.get().inquiryId().equals(inquiry)) {
      throw new NotFoundException("There is no case " + caseId + " in inquiry " + inquiry);
    }
    List<SourceId> sources =
        store.inTransaction(tx -> tx.corpus().sourcesOfCase(caseId)).stream()
            .map(Source::id)
            .toList();
    store.inTransaction(
        tx -> {
          tx.memos()
              .about(new ItemRef(ItemKind.CASE, caseId.value()))
              .forEach(m -> tx.memos().delete(m.id()));
          return null;
        });
    if (sources.isEmpty()) {
      throw new InvalidInputException("Case " + caseId + " has no source to purge");
    }
    return purge(user, inquiry, sources);
  }

  /**
   * Purges the sources whose attribute has a value (for example participant = P07), and the sources
   * of the cases whose attribute has it.
   */
  public PurgeReport withdrawByAttribute(
      UserId user, InquiryId inquiry, String attribute, String value) {
    List<SourceId> sources =
        withAttributeValue(inquiry, attribute, value).stream().map(Source::id).toList();
    if (sources.isEmpty()) {
      throw new InvalidInputException(
          "No source has the value " + value + " for the attribute " + attribute);
    }
    return purge(user, inquiry, sources);
  }

  /**
   * The sources a withdrawal by attribute would purge: those whose attribute (by name, in any case)
   * has the value (compared without case and surrounding spaces), and the sources of the cases
   * whose attribute has it, in the order of their ids.
   */
  public List<Source> withAttributeValue(InquiryId inquiry, String attribute, String value) {
    return store.inTransaction(
        tx -> {
          Set<SourceId> ids = new LinkedHashSet<>();
          for (AttributeDefinition d : tx.attributes().listDefinitions(inquiry)) {
            if (!d.name().equalsIgnoreCase(attribute.strip())) {
              continue;
            }
            for (AttributeValue v : tx.attributes().valuesOf(d.id())) {
              if (!v.value().strip().equalsIgnoreCase(value.strip())) {
                continue;
              }
              if (d.scope() == AttributeScope.SOURCE) {
                ids.add(new SourceId(v.ownerId()));
              } else {
                tx.corpus().sourcesOfCase(new CaseId(v.ownerId())).stream()
                    .map(Source::id)
                    .forEach(ids::add);
              }
            }
          }
          List<Source> found = new ArrayList<>();
          for (SourceId id : ids) {
            tx.corpus().findSource(id).ifPresent(found::add);
          }
          found.sort(java.util.Comparator.comparingLong(s -> s.id().value()));
          return found;
        });
  }

  private static final class Counts {
    int segments;
    int codings;
    int memos;
    int evidence;
    int values;
    int redactions;
    int historyLines;
  }

  private void purgeOne(
      Transaction tx, Source source, PlainText text, Set<Long> purged, Counts counts) {
    SourceId id = source.id();
    purged.add(id.value());
    List<ItemRef> refs = new ArrayList<>();
    refs.add(new ItemRef(ItemKind.SOURCE, id.value()));
    List<Memo> memos = new ArrayList<>(tx.memos().about(refs.get(0)));
    List<Segment> segments = tx.coding().segmentsOf(id);
    List<Coding> codings = new ArrayList<>();
    for (Segment segment : segments) {
      purged.add(segment.id().value());
      refs.add(new ItemRef(ItemKind.SEGMENT, segment.id().value()));
      codings.addAll(tx.coding().codingsOfSegment(segment.id()));
      memos.addAll(tx.memos().about(new ItemRef(ItemKind.SEGMENT, segment.id().value())));
    }
    List<Evidence> evidence = tx.journeys().evidenceInSource(id);
    for (ItemRef ref : refs) {
      for (ItemSet set : tx.sets().containing(ref)) {
        tx.sets()
            .update(set.withMembers(set.members().stream().filter(m -> !m.equals(ref)).toList()));
      }
      tx.links().touching(ref).forEach(l -> tx.links().delete(l.id()));
      tx.guids().remove(source.inquiryId(), ref);
    }
    codings.forEach(
        c -> {
          purged.add(c.id().value());
          tx.coding().deleteCoding(c.id());
        });
    memos.forEach(
        m -> {
          purged.add(m.id().value());
          tx.memos().delete(m.id());
        });
    evidence.forEach(
        e -> {
          purged.add(e.id().value());
          tx.journeys().deleteEvidence(e.id());
        });
    segments.forEach(s -> tx.coding().deleteSegment(s.id()));
    List<AttributeValue> values = tx.attributes().valuesOfOwner(id.value());
    values.forEach(v -> tx.attributes().deleteValue(v.attributeId(), v.ownerId()));
    int redactionCount = tx.redactions().ofSource(id).size();
    redactions.forgetSource(tx, id, text);
    tx.corpus().deleteTurns(id);
    tx.corpus().deleteSource(id);
    counts.segments += segments.size();
    counts.codings += codings.size();
    counts.memos += memos.size();
    counts.evidence += evidence.size();
    counts.values += values.size();
    counts.redactions += redactionCount;
  }

  /** What the cleaning at start removed. */
  public record Orphans(int partialFiles, int blobs) {}

  /**
   * Removes what an interrupted import left in the file store (partial files) and the stored files
   * nothing refers to (no source, no history line that could restore one), if they were written
   * before an instant: a write under way now is left alone.
   */
  public Orphans removeOrphans(Instant before) {
    int partial = store.blobs().removePartialFiles(before);
    Set<String> stored = store.blobs().digestsStoredBefore(before);
    Set<String> referenced = referencedDigests();
    int removed = 0;
    for (String digest : stored) {
      if (!referenced.contains(digest) && store.blobs().delete(digest)) {
        removed++;
      }
    }
    return new Orphans(partial, removed);
  }

  private Set<String> referencedDigests() {
    return store.inTransaction(
        tx -> {
          Set<String> referenced = new HashSet<>(tx.history().referencedDigests());
          referenced.addAll(tx.journeys().reportDigests());
          for (var inquiry : tx.inquiries().listInquiries()) {
            for (Source s : tx.corpus().listSources(inquiry.id())) {
              referenced.add(s.originalDigest());
              referenced.add(s.textDigest());
            }
          }
          return referenced;
        });
  }

  /** Removes the files of purged sources that no remaining source or history line refers to. */
  private int[] removeBlobs(List<Source> sources) {
    Set<String> referenced = referencedDigests();
    int removed = 0;
    int kept = 0;
    for (Source source : sources) {
      for (String digest :
          new LinkedHashSet<>(List.of(source.originalDigest(), source.textDigest()))) {
        if (referenced.contains(digest)) {
          kept++;
        } else if (store.blobs().delete(digest)) {
          removed++;
        }
      }
    }
    return new int[] {removed, kept};
  }
}
