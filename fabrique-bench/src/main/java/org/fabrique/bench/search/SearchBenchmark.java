package org.fabrique.bench.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.analysis.AnalysisScope;
import org.fabrique.core.analysis.CodingQuery;
import org.fabrique.core.analysis.MatrixColumns;
import org.fabrique.core.analysis.Proximity;
import org.fabrique.core.analysis.agreement.AgreementLevel;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.Coding;
import org.fabrique.core.coding.CodingId;
import org.fabrique.core.coding.CodingService.NewCode;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.search.SearchFilters;
import org.fabrique.core.search.SearchMode;
import org.fabrique.core.search.SearchService;
import org.fabrique.core.user.User;

/**
 * Search and analysis on a generated inquiry of 500 sources, 10 M characters and 200,000 codings by
 * two coders: building the index, search latency (first page of the concordance), the index
 * catching up after a change, matrices, co-occurrence, a coding query and inter-coder agreement.
 *
 * <p>Run: {@code ./mvnw -q -pl fabrique-bench -am package -DskipTests && java -Xmx2g -cp
 * fabrique-bench/target/fabrique-bench.jar org.fabrique.bench.search.SearchBenchmark [work dir]}
 * (seed: {@code -Dfabrique.seed=N}).
 */
public final class SearchBenchmark {
  private static final int SOURCES = 500;
  private static final int CHARACTERS_PER_SOURCE = 20_000;
  private static final int CODINGS = 200_000;
  private static final int CODES = 50;
  private static final int CASES = 10;

  private SearchBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("fabrique-bench");
    long seed = Long.getLong("fabrique.seed", 42L);
    System.out.println("Search benchmark, seed " + seed + ", work dir " + work);
    Random random = new Random(seed);
    ZipfWords vocabulary = new ZipfWords(seed);
    Path files = Files.createDirectories(work.resolve("files"));
    try (Workbench workbench = Workbench.embedded(work.resolve("data"))) {
      Fabrique fabrique = workbench.fabrique();
      User anne = fabrique.users().ensure("anne", "Anne");
      User bruno = fabrique.users().ensure("bruno", "Bruno");
      Inquiry inquiry = fabrique.inquiries().create("Search benchmark", "");
      List<Case> cases = new ArrayList<>();
      AttributeDefinition region =
          fabrique
              .attributes()
              .define(
                  inquiry.id(), anne.id(), "region", AttributeType.TEXT, AttributeScope.CASE, "");
      for (int i = 0; i < CASES; i++) {
        Case c =
            fabrique
                .inquiries()
                .createCase(
                    inquiry.id(),
                    anne.id(),
                    "Case " + i,
                    Domain.values()[i % Domain.values().length],
                    "");
        fabrique.attributes().setValue(anne.id(), region.id(), c.id().value(), "region-" + i % 4);
        cases.add(c);
      }

      long start = System.nanoTime();
      List<ImportRequest> requests = new ArrayList<>();
      for (int i = 0; i < SOURCES; i++) {
        Path file = files.resolve("source-" + i + ".txt");
        String language = i % 2 == 0 ? "fr" : "en";
        Files.writeString(
            file, vocabulary.text(CHARACTERS_PER_SOURCE, language), StandardCharsets.UTF_8);
        requests.add(
            new ImportRequest(
                file.getFileName().toString(),
                file,
                Optional.of("Source " + i),
                Optional.of(i % 10 == 0 ? SourceKind.INTERVIEW : SourceKind.FIELD_NOTE),
                Optional.of(LocalDate.of(2024, 1, 1).plusDays(i)),
                Optional.of(language),
                Optional.of(cases.get(i % CASES).id()),
                Confidentiality.CONFIDENTIAL));
      }
      fabrique.corpus().importFiles(inquiry.id(), anne.id(), requests, (a, b, c) -> {});
      List<Source> sources = fabrique.corpus().list(inquiry.id());
      long characters = sources.stream().mapToLong(Source::length).sum();
      System.out.printf(
          Locale.ROOT,
          "Generated and imported %d sources, %.1f M characters in %.1f s%n",
          sources.size(),
          characters / 1e6,
          (System.nanoTime() - start) / 1e9);

      List<Code> codes = new ArrayList<>();
      for (int i = 0; i < CODES; i++) {
        codes.add(
            fabrique.coding().createCode(inquiry.id(), anne.id(), NewCode.named("code-" + i)));
      }
      start = System.nanoTime();
      insertCodings(fabrique, sources, codes, List.of(anne, bruno), random);
      System.out.printf(
          Locale.ROOT,
          "Inserted %,d codings in %.1f s (directly in the store, without history)%n%n",
          CODINGS,
          (System.nanoTime() - start) / 1e9);

      System.out.println("| Measure | Result | Target |");
      System.out.println("|---|---|---|");
      SearchService search = fabrique.search();
      start = System.nanoTime();
      SearchService.Refresh built = search.reindex(inquiry.id());
      System.out.printf(
          Locale.ROOT,
          "| Build the index (%d sources, %,d segments, %.1f M characters) | %.1f s | |%n",
          sources.size(),
          built.updated() - sources.size(),
          characters / 1e6,
          (System.nanoTime() - start) / 1e9);

      List<String> queries = vocabulary.queries(random);
      SearchFilters none = SearchFilters.none();
      // warm-up
      for (int i = 0; i < 50; i++) {
        search.search(
            inquiry.id(), SearchMode.QUERY, queries.get(i % queries.size()), none, 0, 50, 60);
      }
      long[] times = new long[queries.size()];
      long hits = 0;
      for (int i = 0; i < queries.size(); i++) {
        long t = System.nanoTime();
        hits +=
            search.search(inquiry.id(), SearchMode.QUERY, queries.get(i), none, 0, 50, 60).hits();
        times[i] = System.nanoTime() - t;
      }
      report(
          "Search, first page of 50 lines ("
              + queries.size()
              + " mixed queries, "
              + hits / queries.size()
              + " hits on average)",
          times,
          "p95 < 50 ms");
      for (String kind : List.of("word", "rare", "phrase", "boolean", "wildcard", "proximity")) {
        List<String> some = vocabulary.queriesOfKind(kind, random, 100);
        long[] kindTimes = new long[some.size()];
        for (int i = 0; i < some.size(); i++) {
          long t = System.nanoTime();
          search.search(inquiry.id(), SearchMode.QUERY, some.get(i), none, 0, 50, 60);
          kindTimes[i] = System.nanoTime() - t;
        }
        report(
            "Search: " + kind + " (e.g. " + some.get(0).replace("|", "\\|") + ")",
            kindTimes,
            "p95 < 50 ms");
      }
      SearchFilters filtered =
          none.withCases(Set.of(cases.get(3).id())).withCodes(Set.of(codes.get(7).id()));
      long[] filterTimes = new long[100];
      for (int i = 0; i < filterTimes.length; i++) {
        long t = System.nanoTime();
        search.search(inquiry.id(), SearchMode.QUERY, queries.get(i), filtered, 0, 50, 60);
        filterTimes[i] = System.nanoTime() - t;
      }
      report("Search within a case and a code (segments)", filterTimes, "p95 < 50 ms");
      long[] deep = new long[50];
      for (int i = 0; i < deep.length; i++) {
        long t = System.nanoTime();
        search.search(inquiry.id(), SearchMode.QUERY, vocabulary.common(i), none, 5_000, 50, 60);
        deep[i] = System.nanoTime() - t;
      }
      report("Search, page at hit 5,000 of a common word", deep, "");
      long[] regex = new long[10];
      for (int i = 0; i < regex.length; i++) {
        long t = System.nanoTime();
        search.search(inquiry.id(), SearchMode.REGEX, "donn[ée]es \\w+ment", none, 0, 50, 60);
        regex[i] = System.nanoTime() - t;
      }
      report("Regular expression over 10 M characters, first page", regex, "");

      long[] follow = new long[20];
      for (int i = 0; i < follow.length; i++) {
        Source source = sources.get(random.nextInt(sources.size()));
        fabrique.coding().code(anne.id(), source.id(), 10 + i, 60 + i, codes.get(i).id());
        long t = System.nanoTime();
        search.refresh(inquiry.id());
        follow[i] = System.nanoTime() - t;
      }
      report(
          "Index catching up after one coding (history lines since the index, one segment rebuilt)",
          follow,
          "");

      var analysis = fabrique.analysis();
      AnalysisScope all = AnalysisScope.everything();
      long[] cold = new long[5];
      for (int i = 0; i < cold.length; i++) {
        Source source = sources.get(random.nextInt(sources.size()));
        fabrique.coding().code(bruno.id(), source.id(), 100 + i, 160 + i, codes.get(i).id());
        long t = System.nanoTime();
        analysis.matrix(inquiry.id(), MatrixColumns.sources(), all);
        cold[i] = System.nanoTime() - t;
      }
      report(
          "Matrix codes × sources, first after a change (200,000 codings read from SQLite)",
          cold,
          "");
      time(
          "Matrix codes × sources (50 × 500)",
          () -> analysis.matrix(inquiry.id(), MatrixColumns.sources(), all),
          "< 1 s");
      time(
          "Matrix codes × cases",
          () -> analysis.matrix(inquiry.id(), MatrixColumns.cases(), all),
          "< 1 s");
      time(
          "Matrix codes × attribute values",
          () -> analysis.matrix(inquiry.id(), MatrixColumns.attribute(region.id()), all),
          "< 1 s");
      time(
          "Co-occurrence, overlapping (50 × 50)",
          () -> analysis.coOccurrence(inquiry.id(), Proximity.overlap(), all),
          "< 1 s");
      time(
          "Co-occurrence, within 100 characters",
          () -> analysis.coOccurrence(inquiry.id(), Proximity.within(100), all),
          "< 1 s");
      time(
          "Coding query: code-1 near code-2 (50 characters)",
          () ->
              analysis
                  .query(
                      inquiry.id(),
                      CodingQuery.coded(codes.get(1).id())
                          .near(CodingQuery.coded(codes.get(2).id()), 50),
                      all)
                  .size(),
          "");
      time(
          "Agreement of two coders, character level (50 codes, 10 M characters)",
          () ->
              analysis.agreement(
                  inquiry.id(), List.of(anne.id(), bruno.id()), AgreementLevel.CHARACTER, 0.8, all),
          "");
      time(
          "Agreement of two coders, segment level",
          () ->
              analysis.agreement(
                  inquiry.id(), List.of(anne.id(), bruno.id()), AgreementLevel.SEGMENT, 0.8, all),
          "");
    }
  }

  /** Codings straight into the store: 400 per source, random spans, codes and coders. */
  private static void insertCodings(
      Fabrique fabrique, List<Source> sources, List<Code> codes, List<User> coders, Random random) {
    int perSource = CODINGS / sources.size();
    Instant now = Instant.parse("2025-06-01T09:00:00Z");
    for (Source source : sources) {
      PlainText text = fabrique.corpus().text(source.id());
      fabrique
          .store()
          .inTransaction(
              tx -> {
                java.util.Set<Long> used = new java.util.HashSet<>();
                Segment previous = null;
                Code previousCode = null;
                for (int i = 0; i < perSource; i++) {
                  User coder = coders.get(i % coders.size());
                  if (previous != null && i % 2 == 1 && random.nextInt(10) < 3) {
                    // the second coder agrees with the first on this passage and code
                    tx.coding()
                        .insertCoding(
                            new Coding(
                                new CodingId(tx.newId()),
                                previous.id(),
                                previousCode.id(),
                                coder.id(),
                                now));
                    previous = null;
                    continue;
                  }
                  int begin;
                  int end;
                  do {
                    begin = random.nextInt(source.length() - 401);
                    end = begin + 20 + random.nextInt(380);
                  } while (!used.add((long) begin << 32 | end));
                  Segment segment =
                      new Segment(
                          new SegmentId(tx.newId()),
                          source.id(),
                          begin,
                          end,
                          text.substring(begin, end));
                  Code code = codes.get(random.nextInt(codes.size()));
                  tx.coding().insertSegment(segment);
                  tx.coding()
                      .insertCoding(
                          new Coding(
                              new CodingId(tx.newId()), segment.id(), code.id(), coder.id(), now));
                  previous = segment;
                  previousCode = code;
                }
                return null;
              });
    }
  }

  private static void time(String what, Supplier<Object> work, String target) {
    work.get(); // warm-up
    long[] times = new long[5];
    for (int i = 0; i < times.length; i++) {
      long t = System.nanoTime();
      work.get();
      times[i] = System.nanoTime() - t;
    }
    Arrays.sort(times);
    System.out.printf(
        Locale.ROOT,
        "| %s | median %.0f ms, max %.0f ms | %s |%n",
        what,
        times[2] / 1e6,
        times[4] / 1e6,
        target);
  }

  static void report(String what, long[] nanos, String target) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "| %s | p50 %.1f ms, p95 %.1f ms, max %.1f ms | %s |%n",
        what,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.95)] / 1e6,
        sorted[sorted.length - 1] / 1e6,
        target);
  }
}
