package org.fabrique.core.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.fabrique.core.analysis.agreement.AgreementCalculator;
import org.fabrique.core.analysis.agreement.AgreementLevel;
import org.fabrique.core.analysis.agreement.AgreementReport;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeValue;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodedSpan;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.CorpusService;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.history.Generation;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.store.Store;
import org.fabrique.core.store.Transaction;
import org.fabrique.core.user.UserId;

/**
 * Analyses of the coding of an inquiry: coding queries, code matrices, co-occurrence, inter-coder
 * agreement. Each call reads the codings in scope once (streamed from the store) and computes in
 * memory; no text is read except for the quotes of the segments shown and for paragraphs.
 */
public final class AnalysisService {
  private final Store store;
  private final CorpusService corpus;

  private final JourneyAnalytics journeys;

  public AnalysisService(Store store, CorpusService corpus) {
    this.store = store;
    this.corpus = corpus;
    this.journeys = new JourneyAnalytics(store);
  }

  /** Journey analytics: choices, tensions and roles compared across cases and domains. */
  public JourneyAnalytics journeys() {
    return journeys;
  }

  /** The inquiry's codings, sources and attributes, as one analysis reads them. */
  private record Context(
      CodingSnapshot snapshot,
      Map<SourceId, Source> sources,
      List<Code> codes,
      List<Case> cases,
      Map<Long, Map<AttributeId, String>> attributeValues,
      List<AttributeDefinition> attributes) {}

  /** Everything an analysis needs of an inquiry, read at one generation. */
  private record InquiryData(
      long generation,
      Map<SourceId, Source> sources,
      List<Code> codes,
      List<Case> cases,
      Map<Long, Map<AttributeId, String>> attributeValues,
      List<AttributeDefinition> attributes,
      List<CodedSpan> spans,
      CodingSnapshot all) {}

  private static final int CACHED_INQUIRIES = 4;

  /**
   * The data of the inquiries analysed last, by generation: analyses one after the other (a matrix,
   * its cells, co-occurrence) read the codings once.
   */
  private final Map<InquiryId, InquiryData> cache =
      new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<InquiryId, InquiryData> eldest) {
          return size() > CACHED_INQUIRIES;
        }
      };

  private InquiryData data(InquiryId inquiry) {
    long current =
        store.inTransaction(
            tx -> {
              tx.inquiries()
                  .findInquiry(inquiry)
                  .orElseThrow(() -> new NotFoundException("There is no inquiry " + inquiry));
              return Generation.of(tx, inquiry);
            });
    synchronized (cache) {
      InquiryData cached = cache.get(inquiry);
      if (cached != null && cached.generation() == current) {
        return cached;
      }
    }
    InquiryData loaded = store.inTransaction(tx -> load(tx, inquiry));
    synchronized (cache) {
      cache.put(inquiry, loaded);
    }
    return loaded;
  }

  private static InquiryData load(Transaction tx, InquiryId inquiry) {
    long generation = Generation.of(tx, inquiry);
    Map<SourceId, Source> sources = new HashMap<>();
    tx.corpus().listSources(inquiry).forEach(s -> sources.put(s.id(), s));
    List<AttributeDefinition> attributes = tx.attributes().listDefinitions(inquiry);
    Map<Long, Map<AttributeId, String>> values = new HashMap<>();
    for (AttributeDefinition definition : attributes) {
      for (AttributeValue value : tx.attributes().valuesOf(definition.id())) {
        values
            .computeIfAbsent(value.ownerId(), k -> new HashMap<>())
            .put(definition.id(), value.value());
      }
    }
    List<CodedSpan> spans = new ArrayList<>();
    tx.coding().forEachSpan(inquiry, spans::add);
    return new InquiryData(
        generation,
        sources,
        tx.coding().listCodes(inquiry),
        tx.inquiries().listCases(inquiry),
        values,
        attributes,
        List.copyOf(spans),
        CodingSnapshot.of(spans));
  }

  private Context read(InquiryId inquiry, AnalysisScope scope) {
    InquiryData data = data(inquiry);
    Map<SourceId, Source> sources = data.sources();
    Map<Long, Map<AttributeId, String>> values = data.attributeValues();
    if (scope.highest() != Confidentiality.SECRET) {
      // Sources above the level are not there at all: not columns, nor their attribute values.
      sources = new HashMap<>();
      values = new HashMap<>(values);
      for (Source source : data.sources().values()) {
        if (scope.allows(source.confidentiality())) {
          sources.put(source.id(), source);
        } else {
          values.remove(source.id().value());
        }
      }
    }
    CodingSnapshot snapshot;
    if (scope.equals(AnalysisScope.everything())) {
      snapshot = data.all();
    } else {
      Set<SourceId> kept = new HashSet<>();
      for (Source source : sources.values()) {
        if (inScope(source, scope, data.attributeValues())) {
          kept.add(source.id());
        }
      }
      List<CodedSpan> spans = new ArrayList<>();
      for (CodedSpan span : data.spans()) {
        if (kept.contains(span.sourceId())
            && (scope.coders().isEmpty() || scope.coders().contains(span.coderId()))
            && scope.evidence().map(passages -> passages.covers(span)).orElse(true)) {
          spans.add(span);
        }
      }
      snapshot = CodingSnapshot.of(spans);
    }
    return new Context(snapshot, sources, data.codes(), data.cases(), values, data.attributes());
  }

  private static boolean inScope(
      Source source, AnalysisScope scope, Map<Long, Map<AttributeId, String>> values) {
    if (!scope.cases().isEmpty()
        && (source.caseId().isEmpty() || !scope.cases().contains(source.caseId().get()))) {
      return false;
    }
    for (Map.Entry<AttributeId, Set<String>> wanted : scope.attributes().entrySet()) {
      String own = values.getOrDefault(source.id().value(), Map.of()).get(wanted.getKey());
      String ofCase =
          source
              .caseId()
              .map(c -> values.getOrDefault(c.value(), Map.of()).get(wanted.getKey()))
              .orElse(null);
      if ((own == null || !wanted.getValue().contains(own))
          && (ofCase == null || !wanted.getValue().contains(ofCase))) {
        return false;
      }
    }
    return true;
  }

  /** The segments a coding query finds, with their quotes. */
  public List<SegmentView> query(InquiryId inquiry, CodingQuery query, AnalysisScope scope) {
    Context context = read(inquiry, scope);
    checkCodes(context, query);
    TextStructure structure = structure();
    return views(context, new CodingQueries(context.snapshot(), structure).evaluate(query));
  }

  private static void checkCodes(Context context, CodingQuery query) {
    Set<CodeId> known = new HashSet<>();
    context.codes().forEach(c -> known.add(c.id()));
    List<CodeId> used = new ArrayList<>();
    collectCodes(query, used);
    for (CodeId code : used) {
      if (!known.contains(code)) {
        throw new InvalidInputException("Code " + code + " is not a code of this inquiry");
      }
    }
  }

  private static void collectCodes(CodingQuery query, List<CodeId> codes) {
    if (query instanceof CodingQuery.Coded coded) {
      codes.add(coded.code());
    } else if (query instanceof CodingQuery.And q) {
      collectCodes(q.left(), codes);
      collectCodes(q.right(), codes);
    } else if (query instanceof CodingQuery.Or q) {
      collectCodes(q.left(), codes);
      collectCodes(q.right(), codes);
    } else if (query instanceof CodingQuery.AndNot q) {
      collectCodes(q.left(), codes);
      collectCodes(q.right(), codes);
    } else if (query instanceof CodingQuery.Overlapping q) {
      collectCodes(q.left(), codes);
      collectCodes(q.right(), codes);
    } else if (query instanceof CodingQuery.Near q) {
      collectCodes(q.left(), codes);
      collectCodes(q.right(), codes);
    } else if (query instanceof CodingQuery.SameParagraph q) {
      collectCodes(q.left(), codes);
      collectCodes(q.right(), codes);
    } else if (query instanceof CodingQuery.SameTurn q) {
      collectCodes(q.left(), codes);
      collectCodes(q.right(), codes);
    }
  }

  private TextStructure structure() {
    Map<SourceId, List<TextStructure.Span>> paragraphs = new HashMap<>();
    return new TextStructure() {
      @Override
      public List<TextStructure.Span> paragraphs(SourceId source) {
        return paragraphs.computeIfAbsent(source, s -> TextStructure.paragraphsOf(corpus.text(s)));
      }

      @Override
      public List<SpeakerTurn> turns(SourceId source) {
        return store.inTransaction(tx -> tx.corpus().turns(source));
      }
    };
  }

  /** Codes (rows) crossed with sources, cases or the values of an attribute (columns). */
  public Matrix matrix(InquiryId inquiry, MatrixColumns columns, AnalysisScope scope) {
    return matrix(inquiry, columns, scope, CodeCounting.OWN);
  }

  /**
   * Codes (rows) crossed with sources, cases or the values of an attribute (columns), each row
   * counting as {@code counting} says (a grouping code with its sub-codes' segments, or alone).
   */
  public Matrix matrix(
      InquiryId inquiry, MatrixColumns columns, AnalysisScope scope, CodeCounting counting) {
    Context context = read(inquiry, scope);
    Columns resolved = columns(context, columns);
    return CodingMatrices.codesBy(
        resolved.corner(),
        context.snapshot(),
        codableCodes(context),
        resolved.headers(),
        resolved.ofSource(),
        counting.counted(context.codes()));
  }

  /** The segments behind one cell of a matrix. */
  public List<SegmentView> drillDown(
      InquiryId inquiry,
      MatrixColumns columns,
      CodeId code,
      String columnKey,
      AnalysisScope scope) {
    return drillDown(inquiry, columns, code, columnKey, scope, CodeCounting.OWN);
  }

  /** The segments behind one cell of a matrix whose rows count as {@code counting} says. */
  public List<SegmentView> drillDown(
      InquiryId inquiry,
      MatrixColumns columns,
      CodeId code,
      String columnKey,
      AnalysisScope scope,
      CodeCounting counting) {
    Context context = read(inquiry, scope);
    Columns resolved = columns(context, columns);
    List<CodeId> counted =
        context.codes().stream()
            .filter(c -> c.id().equals(code))
            .findFirst()
            .map(counting.counted(context.codes()))
            .orElse(List.of(code));
    return views(
        context,
        CodingMatrices.drillDown(context.snapshot(), counted, columnKey, resolved.ofSource()));
  }

  /** Code co-occurrence by overlap or proximity. */
  public Matrix coOccurrence(InquiryId inquiry, Proximity proximity, AnalysisScope scope) {
    Context context = read(inquiry, scope);
    return CodingMatrices.coOccurrence(context.snapshot(), codableCodes(context), proximity);
  }

  /** The pairs of segments behind one co-occurrence cell. */
  public List<List<SegmentView>> coOccurrences(
      InquiryId inquiry, CodeId first, CodeId second, Proximity proximity, AnalysisScope scope) {
    Context context = read(inquiry, scope);
    List<List<SegmentView>> pairs = new ArrayList<>();
    for (CodingMatrices.SegmentPair pair :
        CodingMatrices.coOccurrences(context.snapshot(), first, second, proximity)) {
      pairs.add(views(context, List.of(pair.first(), pair.second())));
    }
    return pairs;
  }

  /**
   * Inter-coder agreement between coders (all who coded in scope when none are given).
   *
   * @param threshold for the segment level, the overlap (Jaccard index) from which two spans are
   *     the same unit
   */
  public AgreementReport agreement(
      InquiryId inquiry,
      List<UserId> coders,
      AgreementLevel level,
      double threshold,
      AnalysisScope scope) {
    Context context = read(inquiry, scope.withCoders(Set.copyOf(coders)));
    List<UserId> compared = coders;
    if (compared.isEmpty()) {
      Set<UserId> seen = new TreeSet<>(Comparator.comparingLong(UserId::value));
      context.snapshot().spans().forEach(s -> seen.add(s.coderId()));
      compared = List.copyOf(seen);
    }
    if (compared.size() < 2) {
      throw new InvalidInputException(
          "Agreement needs the codings of at least two coders; this inquiry has "
              + compared.size()
              + " in scope");
    }
    AgreementCalculator calculator = new AgreementCalculator(compared);
    if (level == AgreementLevel.SEGMENT) {
      return calculator.segments(context.snapshot().spans(), threshold);
    }
    Map<SourceId, Integer> lengths = new HashMap<>();
    context.sources().values().forEach(s -> lengths.put(s.id(), s.length()));
    return calculator.characters(context.snapshot().spans(), lengths);
  }

  /** The codes of an inquiry in codebook order (parents before children). */
  private static List<Code> codableCodes(Context context) {
    return context.codes();
  }

  private record Columns(
      String corner, List<Matrix.Header> headers, Function<SourceId, List<String>> ofSource) {}

  private Columns columns(Context context, MatrixColumns columns) {
    if (columns instanceof MatrixColumns.Sources) {
      List<Matrix.Header> headers =
          context.sources().values().stream()
              .sorted(Comparator.comparing(Source::title).thenComparing(s -> s.id().value()))
              .map(s -> new Matrix.Header(s.id().toString(), s.title()))
              .toList();
      return new Columns("Code / Source", headers, source -> List.of(source.toString()));
    }
    if (columns instanceof MatrixColumns.Cases) {
      List<Matrix.Header> headers =
          context.cases().stream()
              .sorted(Comparator.comparing(Case::name).thenComparing(c -> c.id().value()))
              .map(c -> new Matrix.Header(c.id().toString(), c.name()))
              .toList();
      return new Columns(
          "Code / Case",
          headers,
          source ->
              context
                  .sources()
                  .get(source)
                  .caseId()
                  .map(c -> List.of(c.toString()))
                  .orElse(List.of()));
    }
    AttributeId attributeId = columns.attribute().orElseThrow();
    AttributeDefinition definition =
        context.attributes().stream()
            .filter(d -> d.id().equals(attributeId))
            .findFirst()
            .orElseThrow(
                () -> new NotFoundException("There is no attribute " + attributeId + " here"));
    Function<SourceId, List<String>> ofSource =
        source -> {
          Source found = context.sources().get(source);
          long owner =
              definition.scope() == AttributeScope.SOURCE
                  ? found.id().value()
                  : found.caseId().map(CaseId::value).orElse(-1L);
          String value = context.attributeValues().getOrDefault(owner, Map.of()).get(attributeId);
          return value == null ? List.of() : List.of(value);
        };
    Set<String> values = new TreeSet<>();
    context
        .attributeValues()
        .values()
        .forEach(
            m -> {
              String value = m.get(attributeId);
              if (value != null) {
                values.add(value);
              }
            });
    List<Matrix.Header> headers = values.stream().map(v -> new Matrix.Header(v, v)).toList();
    return new Columns("Code / " + definition.name(), headers, ofSource);
  }

  private List<SegmentView> views(Context context, List<CodedSegment> segments) {
    Map<SourceId, PlainText> texts = new HashMap<>();
    List<SegmentView> views = new ArrayList<>(segments.size());
    for (CodedSegment segment : segments) {
      PlainText text = texts.computeIfAbsent(segment.sourceId(), corpus::text);
      Source source = context.sources().get(segment.sourceId());
      views.add(
          new SegmentView(
              segment,
              source == null ? segment.sourceId().toString() : source.title(),
              text.substring(segment.start(), segment.end())));
    }
    return views;
  }
}
