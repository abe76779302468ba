package org.fabrique.bench.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.fabrique.app.Workbench;
import org.fabrique.core.Fabrique;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodingService.NewCode;
import org.fabrique.core.corpus.ImportReport;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.user.User;

/**
 * Corpus and coding at realistic sizes: importing 500 sources / 10 M characters (half txt, half
 * docx), and one source of 1,000,000 characters with 10,000 codings (document window and coding
 * round trip, measured at the service; {@link DocumentViewBenchmark} measures them over HTTP).
 *
 * <p>Run: {@code ./mvnw -q -pl fabrique-bench -am package -DskipTests && java -cp
 * fabrique-bench/target/fabrique-bench.jar org.fabrique.bench.corpus.CorpusBenchmark [work dir]}
 */
public final class CorpusBenchmark {
  private static final int SOURCES = 500;
  private static final int CHARACTERS_PER_SOURCE = 20_000;

  private CorpusBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("fabrique-bench");
    long seed = Long.getLong("fabrique.seed", 42L);
    System.out.println("Corpus benchmark, seed " + seed + ", work dir " + work);
    SyntheticText text = new SyntheticText(seed);
    Path files = Files.createDirectories(work.resolve("files"));
    List<ImportRequest> txt = new ArrayList<>();
    List<ImportRequest> docx = new ArrayList<>();
    long txtBytes = 0;
    long docxCharacters = 0;
    for (int i = 0; i < SOURCES; i++) {
      String content =
          i % 10 == 0 ? text.transcript(CHARACTERS_PER_SOURCE) : text.prose(CHARACTERS_PER_SOURCE);
      if (i % 2 == 0) {
        Path file = files.resolve("source-" + i + ".txt");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        txtBytes += Files.size(file);
        txt.add(ImportRequest.of(file.getFileName().toString(), file));
      } else {
        Path file = files.resolve("source-" + i + ".docx");
        writeDocx(file, content);
        docxCharacters += content.length();
        docx.add(ImportRequest.of(file.getFileName().toString(), file));
      }
    }
    try (Workbench workbench = Workbench.embedded(work.resolve("data"))) {
      Fabrique fabrique = workbench.fabrique();
      User user = fabrique.users().defaultUser();
      // Twice: first in a fresh JVM (cold: Tika loads its parsers, the JIT has compiled nothing),
      // then again into another inquiry, as in a server that has been running for a while (warm).
      for (String pass : List.of("cold", "warm")) {
        Inquiry measured = fabrique.inquiries().create("Benchmark corpus, " + pass, "");
        long start = System.nanoTime();
        ImportReport txtReport =
            fabrique.corpus().importFiles(measured.id(), user.id(), txt, (a, b, c) -> {});
        double txtSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        ImportReport docxReport =
            fabrique.corpus().importFiles(measured.id(), user.id(), docx, (a, b, c) -> {});
        double docxSeconds = (System.nanoTime() - start) / 1e9;
        long characters =
            fabrique.corpus().list(measured.id()).stream().mapToLong(Source::length).sum();
        System.out.printf(
            Locale.ROOT,
            "| Import %d txt files (%.1f MB), %s | %.2f s | %.1f MB/s | %d failed |%n",
            txt.size(),
            txtBytes / 1e6,
            pass,
            txtSeconds,
            txtBytes / 1e6 / txtSeconds,
            txtReport.failed().size());
        System.out.printf(
            Locale.ROOT,
            "| Import %d docx files (%.1f M characters), %s | %.2f s | %.1f M characters/s | %d"
                + " failed |%n",
            docx.size(),
            docxCharacters / 1e6,
            pass,
            docxSeconds,
            docxCharacters / 1e6 / docxSeconds,
            docxReport.failed().size());
        System.out.printf(
            Locale.ROOT,
            "| Whole corpus: %d sources, %.1f M characters, %s | %.2f s | | |%n",
            txt.size() + docx.size(),
            characters / 1e6,
            pass,
            txtSeconds + docxSeconds);
      }

      largeSource(fabrique, user, work, seed);
    }
  }

  private static void largeSource(Fabrique fabrique, User user, Path work, long seed)
      throws IOException {
    Inquiry inquiry = fabrique.inquiries().create("Large source", "");
    Path file = work.resolve("files/large.txt");
    Files.writeString(file, new SyntheticText(seed).prose(1_000_000), StandardCharsets.UTF_8);
    long start = System.nanoTime();
    Source source =
        fabrique
            .corpus()
            .importFile(
                inquiry.id(),
                user.id(),
                ImportRequest.of("large.txt", file).withKind(SourceKind.FIELD_NOTE));
    System.out.printf(
        Locale.ROOT,
        "| Import one source of %,d characters | %.0f ms | | |%n",
        source.length(),
        (System.nanoTime() - start) / 1e6);
    List<Code> codes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      codes.add(fabrique.coding().createCode(inquiry.id(), user.id(), NewCode.named("Code " + i)));
    }
    Random random = new Random(seed);
    long[] codingTimes = new long[10_000];
    for (int i = 0; i < codingTimes.length; i++) {
      int begin = random.nextInt(source.length() - 400);
      int end = begin + 1 + random.nextInt(399);
      long t = System.nanoTime();
      fabrique
          .coding()
          .code(user.id(), source.id(), begin, end, codes.get(random.nextInt(codes.size())).id());
      codingTimes[i] = System.nanoTime() - t;
    }
    report("Add one coding (service, 10,000 codings)", codingTimes);
    long[] windowTimes = new long[200];
    for (int i = 0; i < windowTimes.length; i++) {
      int from = random.nextInt(source.length() - 20_000);
      long t = System.nanoTime();
      String window = fabrique.corpus().text(source.id()).substring(from, from + 20_000);
      int spans = fabrique.coding().spans(source.id(), from, from + 20_000).size();
      windowTimes[i] = System.nanoTime() - t;
      if (window.isEmpty() || spans < 0) {
        throw new IllegalStateException();
      }
    }
    report("Document window of 20,000 characters with its codings (service)", windowTimes);
  }

  static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "| %s | p50 %.2f ms | p95 %.2f ms | max %.2f ms |%n",
        what,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.95)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  private static void writeDocx(Path file, String content) throws IOException {
    try (XWPFDocument document = new XWPFDocument();
        OutputStream out = Files.newOutputStream(file)) {
      for (String paragraph : content.split("\n\n")) {
        document.createParagraph().createRun().setText(paragraph);
      }
      document.write(out);
    }
  }
}
