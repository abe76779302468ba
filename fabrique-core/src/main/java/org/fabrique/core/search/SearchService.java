package org.fabrique.core.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.fabrique.core.attribute.AttributeValue;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.history.History;
import org.fabrique.core.history.HistoryEntry;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.memo.MemoId;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.core.redaction.RedactedText;
import org.fabrique.core.store.Store;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.UserId;

/**
 * Full-text and regular-expression search over an inquiry, and auto-coding of the hits.
 *
 * <p>The index follows the store by comparison: its generation is the id of the newest history line
 * of the inquiry when it was brought up to date. Every change to an inquiry goes through the
 * history, so before each search the service compares the two and, when they differ, compares the
 * digest of every document the store implies with those the index holds, and updates only what
 * differs in one atomic index commit. A crash at any moment leaves an index that is older than the
 * store, which the next comparison repairs; {@link #repairAll()} does it for every inquiry at
 * start.
 */
public final class SearchService {
  /** Hits auto-coded at most in one operation. */
  public static final int MAX_AUTO_CODED = 10_000;

  private static final long REGEX_BUDGET_NANOS = 5_000_000_000L;
  private static final int MAX_REGEX_HITS = 100_000;

  private final Store store;
  private final SearchIndex index;
  private final CorpusService corpus;
  private final History history;
  private final java.time.Clock clock;
  private final Map<InquiryId, Object> locks = new ConcurrentHashMap<>();
  private final AutoCoder autoCoder;

  public SearchService(
      Store store,
      SearchIndex index,
      CorpusService corpus,
      History history,
      java.time.Clock clock) {
    this.store = store;
    this.index = index;
    this.corpus = corpus;
    this.history = history;
    this.clock = clock;
    this.autoCoder = new AutoCoder(store, corpus, history, clock);
  }

  /** What a refresh did. */
  public record Refresh(long generation, int updated, int deleted, boolean wasStale) {}

  /** Brings the index of an inquiry up to date with the store when it is not. */
  public Refresh refresh(InquiryId inquiry) {
    synchronized (locks.computeIfAbsent(inquiry, k -> new Object())) {
      long current = store.inTransaction(tx -> generationOf(tx, inquiry));
      OptionalLong indexed = index.generation(inquiry);
      if (indexed.isPresent() && indexed.getAsLong() == current) {
        return new Refresh(current, 0, 0, false);
      }
      if (indexed.isPresent() && indexed.getAsLong() < current) {
        record Quick(long generation, Optional<IndexCatchUp.Changes> changes) {}
        Map<String, PlainText> texts = new HashMap<>();
        Quick quick =
            store.inTransaction(
                tx ->
                    new Quick(
                        generationOf(tx, inquiry),
                        IndexCatchUp.since(
                            tx,
                            inquiry,
                            indexed.getAsLong(),
                            contents(texts, source -> tx.corpus().turns(source.id())))));
        if (quick.changes().isPresent()) {
          IndexCatchUp.Changes changes = quick.changes().get();
          index.update(inquiry, changes.upserts(), changes.deletions(), quick.generation());
          return new Refresh(
              quick.generation(), changes.upserts().size(), changes.deletions().size(), true);
        }
      }
      return reconcile(inquiry);
    }
  }

  /** Rebuilds the index of an inquiry from nothing. */
  public Refresh reindex(InquiryId inquiry) {
    synchronized (locks.computeIfAbsent(inquiry, k -> new Object())) {
      store
          .inTransaction(tx -> tx.inquiries().findInquiry(inquiry))
          .orElseThrow(() -> new NotFoundException("There is no inquiry " + inquiry));
      index.clear(inquiry);
      return reconcile(inquiry);
    }
  }

  /** Repairs the index of every inquiry that is stale (at start, after a crash). */
  public List<Refresh> repairAll() {
    List<Refresh> done = new ArrayList<>();
    for (Inquiry inquiry : store.inTransaction(tx -> tx.inquiries().listInquiries())) {
      done.add(refresh(inquiry.id()));
    }
    return done;
  }

  private Refresh reconcile(InquiryId inquiry) {
    record Read(long generation, Map<DocumentKey, IndexDocuments.Wanted> wanted) {}
    Read read =
        store.inTransaction(
            tx -> new Read(generationOf(tx, inquiry), IndexDocuments.read(tx, inquiry)));
    Map<DocumentKey, String> held = index.digests(inquiry);
    List<DocumentKey> deletions = new ArrayList<>();
    for (DocumentKey key : held.keySet()) {
      if (!read.wanted().containsKey(key)) {
        deletions.add(key);
      }
    }
    SourceContents contents = contents(new HashMap<>(), source -> corpus.turns(source.id()));
    List<IndexDocument> upserts = new ArrayList<>();
    for (Map.Entry<DocumentKey, IndexDocuments.Wanted> entry : read.wanted().entrySet()) {
      if (!entry.getValue().digest().equals(held.get(entry.getKey()))) {
        upserts.add(entry.getValue().build().apply(contents));
      }
    }
    index.update(inquiry, upserts, deletions, read.generation());
    return new Refresh(read.generation(), upserts.size(), deletions.size(), true);
  }

  /** The texts (read once per digest) and turns (read once per source) of the sources. */
  private SourceContents contents(
      Map<String, PlainText> texts, Function<Source, List<SpeakerTurn>> readTurns) {
    Map<SourceId, List<SpeakerTurn>> turns = new HashMap<>();
    return new SourceContents() {
      @Override
      public PlainText text(Source source) {
        return texts.computeIfAbsent(source.textDigest(), d -> textOf(source));
      }

      @Override
      public List<SpeakerTurn> turns(Source source) {
        return turns.computeIfAbsent(source.id(), id -> readTurns.apply(source));
      }
    };
  }

  private PlainText textOf(Source source) {
    return PlainText.of(
        new String(
            store.blobs().read(source.textDigest()), java.nio.charset.StandardCharsets.UTF_8));
  }

  private static long generationOf(Transaction tx, InquiryId inquiry) {
    return tx.history().recent(inquiry, 1).stream()
        .mapToLong(HistoryEntry::id)
        .findFirst()
        .orElse(0);
  }

  /** Checks a query without running it. */
  public void validate(SearchMode mode, String query) {
    if (mode == SearchMode.REGEX) {
      RegexSearch.compile(query, REGEX_BUDGET_NANOS);
    } else {
      index.validate(query);
    }
  }

  /**
   * One page of hits as a concordance.
   *
   * @param context the number of characters of context on each side
   */
  public SearchPage search(
      InquiryId inquiry,
      SearchMode mode,
      String query,
      SearchFilters filters,
      int offset,
      int limit,
      int context) {
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw new InvalidInputException("A page starts at 0 or later and holds 1 to 1000 hits");
    }
    if (mode == SearchMode.REGEX) {
      return regexPage(inquiry, query, filters, offset, limit, context);
    }
    refresh(inquiry);
    return index.search(inquiry, query, filters, offset, limit, Math.max(0, context));
  }

  /**
   * One page of hits as it may leave under an export profile (the search page, the API, the command
   * line): the sources the profile leaves out are not searched, nor their segments and the memos
   * about them, so that counts say nothing of them either; the title and the context of every line
   * are cut out of the redacted text, the positions of the hit remapped onto it.
   */
  public SearchPage search(
      InquiryId inquiry,
      SearchMode mode,
      String query,
      SearchFilters filters,
      int offset,
      int limit,
      int context,
      ExportScope scope) {
    Map<SourceId, Source> sources = new HashMap<>();
    Set<SourceId> excluded = new HashSet<>();
    for (Source source : store.inTransaction(tx -> tx.corpus().listSources(inquiry))) {
      sources.put(source.id(), source);
      if (!scope.includes(source)) {
        excluded.add(source.id());
      }
    }
    SearchPage page =
        search(inquiry, mode, query, filters.withoutSources(excluded), offset, limit, context);
    if (!scope.changesText() && excluded.isEmpty()) {
      return page;
    }
    List<KwicLine> lines = new ArrayList<>();
    for (KwicLine line : page.lines()) {
      redacted(line, sources, excluded, scope, Math.max(0, context)).ifPresent(lines::add);
    }
    return new SearchPage(
        lines, page.offset(), page.limit(), page.documents(), page.hits(), page.hitsExact());
  }

  /**
   * A line as it leaves under the scope, cut again out of the redacted text of its document; empty
   * for a memo about material the scope leaves out (or gone since the search).
   */
  private Optional<KwicLine> redacted(
      KwicLine line,
      Map<SourceId, Source> sources,
      Set<SourceId> excluded,
      ExportScope scope,
      int context) {
    DocumentKey key = line.document();
    if (key.kind() == DocumentKind.MEMO) {
      record MemoAbout(Memo memo, Optional<SourceId> source) {}
      Optional<MemoAbout> found =
          store.inTransaction(
              tx ->
                  tx.memos()
                      .find(new MemoId(key.id()))
                      .map(memo -> new MemoAbout(memo, sourceOf(tx, memo.target()))));
      if (found.isEmpty()
          || found.get().source().map(excluded::contains).orElse(false)
          || line.sourceId().map(excluded::contains).orElse(false)) {
        return Optional.empty();
      }
      Memo memo = found.get().memo();
      RedactedText text = scope.freeText(PlainText.of(memo.title() + "\n" + memo.body()));
      return Optional.of(
          Kwic.within(
              key,
              scope.freeText(line.title()),
              line.sourceId(),
              text.text(),
              0,
              text.text().length(),
              text.start(line.start()),
              text.end(line.end()),
              context));
    }
    Source source = line.sourceId().map(sources::get).orElse(null);
    if (source == null || excluded.contains(source.id())) {
      return Optional.empty();
    }
    RedactedText text = scope.text(source);
    int lower = 0;
    int upper = text.text().length();
    if (key.kind() == DocumentKind.SEGMENT) {
      Optional<Segment> segment =
          store.inTransaction(tx -> tx.coding().findSegment(new SegmentId(key.id())));
      if (segment.isEmpty()) {
        return Optional.empty();
      }
      lower = text.start(segment.get().start());
      upper = text.end(segment.get().end());
    }
    return Optional.of(
        Kwic.within(
            key,
            scope.freeText(line.title()),
            line.sourceId(),
            text.text(),
            lower,
            upper,
            text.start(line.start()),
            text.end(line.end()),
            context));
  }

  /** The source a memo is about, when it is about a source or one of its segments. */
  private static Optional<SourceId> sourceOf(Transaction tx, ItemRef target) {
    if (target.kind() == ItemKind.SOURCE) {
      return Optional.of(new SourceId(target.id()));
    }
    if (target.kind() == ItemKind.SEGMENT) {
      return tx.coding().findSegment(new SegmentId(target.id())).map(Segment::sourceId);
    }
    return Optional.empty();
  }

  /** The hits of a query in one source, to highlight it in the document view. */
  public List<Hit> highlights(SourceId sourceId, SearchMode mode, String query) {
    Source source = corpus.get(sourceId);
    if (mode == SearchMode.REGEX) {
      return RegexSearch.compile(query, REGEX_BUDGET_NANOS)
          .find(corpus.text(sourceId), MAX_REGEX_HITS)
          .stream()
          .map(
              span ->
                  new Hit(
                      new DocumentKey(DocumentKind.SOURCE, sourceId.value()),
                      Optional.of(sourceId),
                      span[0],
                      span[1]))
          .toList();
    }
    refresh(source.inquiryId());
    return index.hitsIn(
        source.inquiryId(), new DocumentKey(DocumentKind.SOURCE, sourceId.value()), query);
  }

  /** What auto-coding did. */
  public record AutoCoded(int hits, int coded, int alreadyCoded) {}

  /**
   * Codes every hit of a search (or the paragraph around it) with a code, for a coder, as one
   * operation that one undo takes back. Hits in memos are left out; a passage the coder already
   * coded with the code is not coded twice.
   */
  public AutoCoded autoCode(
      InquiryId inquiry,
      UserId coder,
      SearchMode mode,
      String query,
      SearchFilters filters,
      CodeId codeId,
      AutoCodeExtent extent) {
    List<Hit> hits = allHits(inquiry, mode, query, filters);
    if (hits.size() > MAX_AUTO_CODED) {
      throw new InvalidInputException(
          "The search has more than " + MAX_AUTO_CODED + " hits; narrow it before auto-coding");
    }
    return autoCoder.code(inquiry, coder, hits, codeId, extent);
  }

  private List<Hit> allHits(
      InquiryId inquiry, SearchMode mode, String query, SearchFilters filters) {
    if (mode == SearchMode.REGEX) {
      List<Hit> hits = new ArrayList<>();
      RegexSearch regex = RegexSearch.compile(query, REGEX_BUDGET_NANOS);
      for (Source source : sourcesMatching(inquiry, filters)) {
        for (int[] span : regex.find(corpus.text(source.id()), MAX_AUTO_CODED + 1 - hits.size())) {
          hits.add(
              new Hit(
                  new DocumentKey(DocumentKind.SOURCE, source.id().value()),
                  Optional.of(source.id()),
                  span[0],
                  span[1]));
        }
        if (hits.size() > MAX_AUTO_CODED) {
          break;
        }
      }
      return hits;
    }
    refresh(inquiry);
    return index.hits(inquiry, query, filters, MAX_AUTO_CODED + 1);
  }

  private SearchPage regexPage(
      InquiryId inquiry, String query, SearchFilters filters, int offset, int limit, int context) {
    RegexSearch regex = RegexSearch.compile(query, REGEX_BUDGET_NANOS);
    List<KwicLine> lines = new ArrayList<>();
    long total = 0;
    long documents = 0;
    boolean exact = true;
    for (Source source : sourcesMatching(inquiry, filters)) {
      PlainText text = corpus.text(source.id());
      List<int[]> found = regex.find(text, MAX_REGEX_HITS);
      if (found.isEmpty()) {
        continue;
      }
      documents++;
      for (int[] span : found) {
        if (total >= offset && lines.size() < limit) {
          lines.add(
              Kwic.line(
                  new DocumentKey(DocumentKind.SOURCE, source.id().value()),
                  source.title(),
                  Optional.of(source.id()),
                  text,
                  0,
                  span[0],
                  span[1],
                  context));
        }
        total++;
      }
      if (total > MAX_REGEX_HITS) {
        exact = false;
        break;
      }
    }
    return new SearchPage(lines, offset, limit, documents, total, exact);
  }

  /** The sources of an inquiry that pass the filters (regex search reads their texts). */
  private List<Source> sourcesMatching(InquiryId inquiry, SearchFilters filters) {
    if (!filters.codes().isEmpty() || !filters.coders().isEmpty()) {
      throw new InvalidInputException(
          "A regular expression searches whole sources: filter by code or coder with a query");
    }
    return store.inTransaction(
        tx -> {
          List<Source> kept = new ArrayList<>();
          for (Source source : tx.corpus().listSources(inquiry)) {
            if (passes(tx, source, filters)) {
              kept.add(source);
            }
          }
          return kept;
        });
  }

  private static boolean passes(Transaction tx, Source source, SearchFilters filters) {
    if (filters.excludedSources().contains(source.id())) {
      return false;
    }
    if (!filters.cases().isEmpty()
        && (source.caseId().isEmpty() || !filters.cases().contains(source.caseId().get()))) {
      return false;
    }
    if (!filters.sourceKinds().isEmpty() && !filters.sourceKinds().contains(source.kind())) {
      return false;
    }
    LocalDate date = source.date().orElse(null);
    if ((filters.from().isPresent() || filters.to().isPresent()) && date == null) {
      return false;
    }
    if (filters.from().isPresent() && date.isBefore(filters.from().get())) {
      return false;
    }
    if (filters.to().isPresent() && date.isAfter(filters.to().get())) {
      return false;
    }
    for (SearchFilters.AttributeFilter attribute : filters.attributes()) {
      List<AttributeValue> values =
          new ArrayList<>(tx.attributes().valuesOfOwner(source.id().value()));
      source.caseId().ifPresent(c -> values.addAll(tx.attributes().valuesOfOwner(c.value())));
      boolean found =
          values.stream()
              .anyMatch(
                  v ->
                      v.attributeId().equals(attribute.attributeId())
                          && attribute.values().contains(v.value()));
      if (!found) {
        return false;
      }
    }
    return true;
  }
}
