package org.fabrique.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.search.DocumentKey;
import org.fabrique.core.search.Hit;
import org.fabrique.core.search.IndexDocument;
import org.fabrique.core.search.Kwic;
import org.fabrique.core.search.KwicLine;
import org.fabrique.core.search.SearchFilters;
import org.fabrique.core.search.SearchIndex;
import org.fabrique.core.search.SearchPage;

/**
 * The search index on Lucene: one index per inquiry under {@code <data dir>/index/inquiry-ID}. Each
 * commit records the store generation it reflects; a damaged or foreign index is wiped at opening
 * and rebuilt by the search service.
 */
public final class LuceneSearchIndex implements SearchIndex {
  /** Hits counted at most for the total of a page; beyond, the total is "at least". */
  static final int HIT_COUNT_CAP = 2_000;

  private static final Sort TEXT_ORDER =
      new Sort(
          new SortField(LuceneFields.SORT_SOURCE, SortField.Type.LONG),
          new SortField(LuceneFields.SORT_OFFSET, SortField.Type.INT));

  private final Path root;
  private final Analyzer analyzer = Analyzers.perField();
  private final QueryTranslator translator = new QueryTranslator(analyzer);
  private final Map<InquiryId, Shard> shards = new ConcurrentHashMap<>();

  public LuceneSearchIndex(Path root) {
    this.root = root;
  }

  /** The index of one inquiry: its writer and the searchers on its last commit. */
  private static final class Shard {
    final Directory directory;
    final IndexWriter writer;
    final SearcherManager searchers;
    volatile OptionalLong generation;

    /** The digest of every document, read once from the index, then kept up to date. */
    Map<DocumentKey, String> digests;

    Shard(Directory directory, IndexWriter writer, OptionalLong generation) throws IOException {
      this.directory = directory;
      this.writer = writer;
      this.searchers = new SearcherManager(writer, null);
      this.generation = generation;
    }

    void close() throws IOException {
      searchers.close();
      writer.close();
      directory.close();
    }
  }

  private Shard shard(InquiryId inquiry) {
    return shards.computeIfAbsent(inquiry, this::open);
  }

  private Shard open(InquiryId inquiry) {
    Path path = root.resolve("inquiry-" + inquiry.value());
    try {
      Files.createDirectories(path);
      OptionalLong generation = OptionalLong.empty();
      boolean wipe = false;
      try (Directory probe = FSDirectory.open(path)) {
        if (DirectoryReader.indexExists(probe)) {
          Map<String, String> data = SegmentInfos.readLatestCommit(probe).getUserData();
          if (!LuceneFields.FORMAT_VERSION.equals(data.get(LuceneFields.FORMAT))) {
            wipe = true;
          } else if (data.containsKey(LuceneFields.GENERATION)) {
            generation = OptionalLong.of(Long.parseLong(data.get(LuceneFields.GENERATION)));
          }
        }
      } catch (CorruptIndexException
          | IndexFormatTooOldException
          | IndexFormatTooNewException
          | IndexNotFoundException
          | NumberFormatException e) {
        wipe = true;
      }
      if (wipe) {
        deleteContents(path);
        generation = OptionalLong.empty();
      }
      Directory directory = FSDirectory.open(path);
      IndexWriterConfig config = new IndexWriterConfig(analyzer);
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(64);
      IndexWriter writer = new IndexWriter(directory, config);
      return new Shard(directory, writer, generation);
    } catch (LockObtainFailedException e) {
      throw new ConflictException(
          "The search index of inquiry "
              + inquiry
              + " is in use by another Fabrique process; stop it or wait",
          e);
    } catch (IOException e) {
      throw new StorageException("The search index at " + path + " cannot be opened", e);
    }
  }

  private static void deleteContents(Path path) throws IOException {
    try (Stream<Path> files = Files.list(path)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  @Override
  public OptionalLong generation(InquiryId inquiry) {
    return shard(inquiry).generation;
  }

  @Override
  public Map<DocumentKey, String> digests(InquiryId inquiry) {
    Shard shard = shard(inquiry);
    synchronized (shard) {
      if (shard.digests == null) {
        shard.digests = readDigests(shard);
      }
      return new HashMap<>(shard.digests);
    }
  }

  private static Map<DocumentKey, String> readDigests(Shard shard) {
    Map<DocumentKey, String> digests = new HashMap<>();
    withSearcher(
        shard,
        searcher -> {
          Set<String> fields = Set.of(LuceneFields.KEY, LuceneFields.DIGEST);
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            LeafReader reader = leaf.reader();
            Bits live = reader.getLiveDocs();
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
              if (live == null || live.get(doc)) {
                Document document = stored.document(doc, fields);
                digests.put(
                    DocumentKey.parse(document.get(LuceneFields.KEY)),
                    document.get(LuceneFields.DIGEST));
              }
            }
          }
          return null;
        });
    return digests;
  }

  @Override
  public void update(
      InquiryId inquiry,
      Collection<IndexDocument> upserts,
      Collection<DocumentKey> deletions,
      long generation) {
    Shard shard = shard(inquiry);
    synchronized (shard) {
      try {
        for (DocumentKey key : deletions) {
          shard.writer.deleteDocuments(new Term(LuceneFields.KEY, key.toString()));
        }
        for (IndexDocument document : upserts) {
          shard.writer.updateDocument(
              new Term(LuceneFields.KEY, document.key().toString()), LuceneDocuments.of(document));
        }
        shard.writer.setLiveCommitData(
            Map.of(
                    LuceneFields.FORMAT,
                    LuceneFields.FORMAT_VERSION,
                    LuceneFields.GENERATION,
                    Long.toString(generation))
                .entrySet());
        shard.writer.commit();
        shard.generation = OptionalLong.of(generation);
        if (shard.digests != null) {
          deletions.forEach(shard.digests::remove);
          upserts.forEach(d -> shard.digests.put(d.key(), d.digest()));
        }
        shard.searchers.maybeRefreshBlocking();
      } catch (IOException | RuntimeException e) {
        discard(inquiry, shard);
        throw new StorageException(
            "The search index of inquiry " + inquiry + " could not be updated", e);
      }
    }
  }

  @Override
  public void clear(InquiryId inquiry) {
    Shard shard = shard(inquiry);
    synchronized (shard) {
      try {
        shard.writer.deleteAll();
        shard.writer.setLiveCommitData(
            Map.of(LuceneFields.FORMAT, LuceneFields.FORMAT_VERSION).entrySet());
        shard.writer.commit();
        shard.generation = OptionalLong.empty();
        shard.digests = new HashMap<>();
        shard.searchers.maybeRefreshBlocking();
      } catch (IOException e) {
        discard(inquiry, shard);
        throw new StorageException(
            "The search index of inquiry " + inquiry + " could not be cleared", e);
      }
    }
  }

  /** Drops a shard after a failure: uncommitted changes are lost and it is reopened when needed. */
  private void discard(InquiryId inquiry, Shard shard) {
    shards.remove(inquiry, shard);
    try {
      shard.writer.rollback();
      shard.searchers.close();
      shard.directory.close();
    } catch (IOException | RuntimeException ignored) {
      // the shard is abandoned; its last commit stays on disk for the next opening
    }
  }

  @Override
  public void validate(String query) {
    translator.text(query);
  }

  @Override
  public SearchPage search(
      InquiryId inquiry, String query, SearchFilters filters, int offset, int limit, int context) {
    QueryTranslator.Translated text = translator.text(query, filters.searchedKinds());
    Query filtered = translator.filtered(text, filters);
    return withSearcher(
        shard(inquiry),
        searcher -> {
          Weight weight = LuceneMatches.textWeight(searcher, text.query());
          int count = searcher.count(filtered);
          List<KwicLine> lines = new ArrayList<>();
          if (count == 0) {
            return new SearchPage(lines, offset, limit, 0, 0, true);
          }
          TopFieldDocs docs = searcher.search(filtered, count, TEXT_ORDER);
          long hits = 0;
          long documents = 0;
          boolean exact = true;
          for (ScoreDoc scoreDoc : docs.scoreDocs) {
            if (hits >= HIT_COUNT_CAP && lines.size() >= limit) {
              exact = false;
              break;
            }
            List<int[]> spans =
                LuceneMatches.spans(searcher, weight, scoreDoc.doc, text.speakers());
            if (!spans.isEmpty()) {
              documents++;
            }
            if (hits + spans.size() > offset && lines.size() < limit) {
              LuceneMatches.Stored stored = LuceneMatches.stored(searcher, scoreDoc.doc);
              PlainText plain = PlainText.of(stored.text());
              for (int i = 0; i < spans.size() && lines.size() < limit; i++) {
                if (hits + i >= offset) {
                  int start = plain.toCodePoint(spans.get(i)[0]);
                  int end = plain.toCodePoint(spans.get(i)[1]);
                  lines.add(
                      Kwic.line(
                          stored.key(),
                          stored.title(),
                          stored.sourceId(),
                          plain,
                          stored.offset(),
                          start,
                          end,
                          context));
                }
              }
            }
            hits += spans.size();
          }
          // without a speaker, every document found has a hit; with one, only those counted do
          return new SearchPage(
              lines, offset, limit, text.speakers().isEmpty() ? count : documents, hits, exact);
        });
  }

  @Override
  public List<Hit> hits(InquiryId inquiry, String query, SearchFilters filters, int max) {
    QueryTranslator.Translated text = translator.text(query, filters.searchedKinds());
    return hits(shard(inquiry), text, translator.filtered(text, filters), max);
  }

  @Override
  public List<Hit> hitsIn(InquiryId inquiry, DocumentKey document, String query) {
    QueryTranslator.Translated text = translator.text(query, Set.of(document.kind()));
    Query one =
        new BooleanQuery.Builder()
            .add(
                translator.filtered(text, SearchFilters.none().withKinds(Set.of(document.kind()))),
                BooleanClause.Occur.MUST)
            .add(
                new TermQuery(new Term(LuceneFields.KEY, document.toString())),
                BooleanClause.Occur.FILTER)
            .build();
    return hits(shard(inquiry), text, one, Integer.MAX_VALUE);
  }

  private List<Hit> hits(Shard shard, QueryTranslator.Translated text, Query filtered, int max) {
    return withSearcher(
        shard,
        searcher -> {
          Weight weight = LuceneMatches.textWeight(searcher, text.query());
          int count = searcher.count(filtered);
          List<Hit> hits = new ArrayList<>();
          if (count == 0) {
            return hits;
          }
          for (ScoreDoc scoreDoc : searcher.search(filtered, count, TEXT_ORDER).scoreDocs) {
            List<int[]> spans =
                LuceneMatches.spans(searcher, weight, scoreDoc.doc, text.speakers());
            if (spans.isEmpty()) {
              continue;
            }
            LuceneMatches.Stored stored = LuceneMatches.stored(searcher, scoreDoc.doc);
            PlainText plain = PlainText.of(stored.text());
            for (int[] span : spans) {
              if (hits.size() >= max) {
                return hits;
              }
              hits.add(
                  new Hit(
                      stored.key(),
                      stored.sourceId(),
                      stored.offset() + plain.toCodePoint(span[0]),
                      stored.offset() + plain.toCodePoint(span[1])));
            }
          }
          return hits;
        });
  }

  private interface SearcherWork<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  private static <T> T withSearcher(Shard shard, SearcherWork<T> work) {
    try {
      IndexSearcher searcher = shard.searchers.acquire();
      try {
        return work.run(searcher);
      } finally {
        shard.searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new StorageException("The search index cannot be read", e);
    }
  }

  @Override
  public void close() {
    for (InquiryId inquiry : List.copyOf(shards.keySet())) {
      Shard shard = shards.remove(inquiry);
      if (shard != null) {
        try {
          shard.close();
        } catch (IOException e) {
          throw new StorageException("The search index could not be closed", e);
        }
      }
    }
  }
}
