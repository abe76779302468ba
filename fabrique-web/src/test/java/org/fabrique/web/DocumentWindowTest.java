package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.Coding;
import org.fabrique.core.coding.CodingId;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.user.UserId;
import org.fabrique.web.coding.DocumentRoutes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The document view on a long source: a 1,000,000-character text with 10,000 codings is served by
 * windows, and code-point positions survive emoji and combining characters. Timings are printed;
 * the assertions on them are generous so that a busy machine does not fail the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentWindowTest {
  private static final int LENGTH = 1_000_000;
  private static final int CODINGS = 10_000;

  private TestApp web;
  private Source big;
  private Code code;
  private PlainText text;

  @BeforeAll
  void start() {
    web = new TestApp();
    long seed = Long.getLong("fabrique.seed", System.nanoTime());
    System.out.println("DocumentWindowTest seed " + seed);
    Random random = new Random(seed);
    Inquiry inquiry = web.fabrique.inquiries().create("Long", "");
    UserId me = web.fabrique.users().defaultUser().id();
    StringBuilder builder = new StringBuilder(LENGTH + 100);
    String[] words = {"données", "comité", "cohorte", "appariement", "😀", "q\u0301té", "registre"};
    int codePoints = 0;
    while (codePoints < LENGTH - 20) {
      String word = words[random.nextInt(words.length)];
      builder.append(word).append(random.nextInt(12) == 0 ? '\n' : ' ');
      codePoints += word.codePointCount(0, word.length()) + 1;
    }
    long began = System.nanoTime();
    big =
        TestSources.importText(
            web, inquiry, "long.txt", builder.toString(), java.util.Optional.of("fr"));
    System.out.printf(Locale.ROOT, "imported in %d ms%n", (System.nanoTime() - began) / 1_000_000);
    began = System.nanoTime();
    text = web.fabrique.corpus().text(big.id());
    code = web.fabrique.coding().createCode(inquiry.id(), me, CodingService.NewCode.named("Data"));
    // 10,000 codings written in one transaction: the fixture, not the code under test.
    web.store.inTransaction(
        tx -> {
          java.util.Set<Long> spans = new java.util.HashSet<>();
          for (int i = 0; i < CODINGS; i++) {
            int start = random.nextInt(text.length() - 300);
            int end = start + 1 + random.nextInt(200);
            if (!spans.add((long) start << 32 | end)) {
              i--;
              continue;
            }
            Segment segment =
                new Segment(
                    new SegmentId(tx.newId()), big.id(), start, end, text.substring(start, end));
            tx.coding().insertSegment(segment);
            tx.coding()
                .insertCoding(
                    new Coding(
                        new CodingId(tx.newId()),
                        segment.id(),
                        code.id(),
                        me,
                        Instant.parse("2026-01-01T00:00:00Z")));
          }
          return null;
        });
    System.out.printf(Locale.ROOT, "coded in %d ms%n", (System.nanoTime() - began) / 1_000_000);
  }

  @AfterAll
  void stop() {
    web.close();
  }

  private JsonNode read(HttpResponse<String> response) throws Exception {
    assertEquals(200, response.statusCode(), response.body());
    return Json.mapper().readTree(response.body());
  }

  @Test
  void aWindowHoldsOnlyItsTextAndTheCodingsThatOverlapIt() throws Exception {
    assertTrue(big.length() >= LENGTH - 20);
    int from = 500_000;
    int to = 520_000;
    JsonNode window =
        read(web.get("/api/sources/" + big.id() + "/window?from=" + from + "&to=" + to));
    assertEquals(text.substring(from, to), window.get("text").asText());
    assertEquals(
        to - from,
        window.get("text").asText().codePointCount(0, window.get("text").asText().length()));
    assertEquals(big.length(), window.get("length").asInt());
    int expected = web.fabrique.coding().spans(big.id(), from, to).size();
    assertEquals(expected, window.get("spans").size());
    assertTrue(
        expected > 50 && expected < 1_000,
        "a window carries a fraction of the codings: " + expected);
    for (JsonNode span : window.get("spans")) {
      assertTrue(span.get("start").asInt() < to && span.get("end").asInt() > from);
    }
  }

  @Test
  void windowsAreLimitedInSize() {
    assertEquals(400, web.get("/api/sources/" + big.id() + "/window?from=0&to=60000").statusCode());
    assertEquals(400, web.get("/api/sources/" + big.id() + "/window?from=10&to=5").statusCode());
  }

  @Test
  void theDocumentViewAndCodingStayFast() throws Exception {
    String path = "/sources/" + big.id();
    web.get(path);
    web.get("/api/sources/" + big.id() + "/window?from=0&to=20000");
    long page = median(() -> assertEquals(200, web.get(path).statusCode()));
    long window =
        median(
            () ->
                assertEquals(
                    200,
                    web.get("/api/sources/" + big.id() + "/window?from=480000&to=500000")
                        .statusCode()));
    // A code of its own, so that no passage of the fixture is already coded with it.
    Code timing =
        web.fabrique
            .coding()
            .createCode(
                big.inquiryId(),
                web.fabrique.users().defaultUser().id(),
                CodingService.NewCode.named("Timing"));
    List<Long> roundTrips = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      int start = 1_000 + i * 5_000;
      long began = System.nanoTime();
      HttpResponse<String> coded =
          web.json(
              "POST",
              "/api/sources/" + big.id() + "/codings",
              "{\"start\":"
                  + start
                  + ",\"end\":"
                  + (start + 40)
                  + ",\"codeId\":"
                  + timing.id()
                  + "}");
      roundTrips.add((System.nanoTime() - began) / 1_000_000);
      assertEquals(201, coded.statusCode(), coded.body());
    }
    long coding = roundTrips.stream().sorted().toList().get(roundTrips.size() / 2);
    System.out.printf(
        Locale.ROOT,
        "Document view on %,d characters with %,d codings: page %d ms, window of 20,000 %d ms,"
            + " coding round trip %d ms (medians)%n",
        big.length(),
        CODINGS,
        page,
        window,
        coding);
    assertTrue(page < 2_000, "document page took " + page + " ms");
    assertTrue(window < 2_000, "window took " + window + " ms");
    assertTrue(coding < 2_000, "coding took " + coding + " ms");
  }

  private static long median(Runnable call) {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      long began = System.nanoTime();
      call.run();
      times.add((System.nanoTime() - began) / 1_000_000);
    }
    return times.stream().sorted().toList().get(times.size() / 2);
  }

  @Test
  void codePointPositionsSurviveEmojiAndCombiningCharacters() throws Exception {
    Inquiry inquiry = web.fabrique.inquiries().create("Unicode", "");
    // "e" + U+0301 stays two code points: NFC composes it to é only when a precomposed form exists,
    // so use q + U+0301, which has none.
    String content = "😀 Le comité q\u0301 a dit 👩‍⚕️ non.";
    Source source = TestSources.importText(web, inquiry, "u.txt", content);
    PlainText plain = web.fabrique.corpus().text(source.id());
    String stored = plain.text();
    int start = stored.codePointCount(0, stored.indexOf("comité"));
    int end = start + "comité q\u0301".codePointCount(0, "comité q\u0301".length());
    Code refus =
        web.fabrique
            .coding()
            .createCode(
                inquiry.id(),
                web.fabrique.users().defaultUser().id(),
                CodingService.NewCode.named("Refus"));
    HttpResponse<String> coded =
        web.json(
            "POST",
            "/api/sources/" + source.id() + "/codings",
            "{\"start\":" + start + ",\"end\":" + end + ",\"codeId\":" + refus.id() + "}");
    assertEquals(201, coded.statusCode(), coded.body());
    assertEquals("comité q\u0301", web.fabrique.coding().segmentsOf(refus.id()).get(0).quote());

    JsonNode window =
        read(web.get("/api/sources/" + source.id() + "/window?from=1&to=" + plain.length()));
    assertEquals(plain.substring(1, plain.length()), window.get("text").asText());
    assertTrue(window.get("text").asText().startsWith(" Le"), "the emoji counts as one position");
    JsonNode span = window.get("spans").get(0);
    assertEquals(start, span.get("start").asInt());
    assertEquals(end, span.get("end").asInt());
  }

  @Test
  void windowBoundsFollowLineBreaks() {
    PlainText sample = PlainText.of("aaaa\nbbbb\ncccc😀dddd\n");
    assertEquals(List.of(0, 5, 10, 14, sample.length()), DocumentRoutes.bounds(sample, 4));
    assertEquals(List.of(0, 3, 6, 9), DocumentRoutes.bounds(PlainText.of("abcdefghi"), 3));
    List<Integer> bounds = DocumentRoutes.bounds(text, DocumentRoutes.WINDOW);
    assertEquals(0, bounds.get(0));
    assertEquals(text.length(), bounds.get(bounds.size() - 1));
    for (int i = 1; i < bounds.size() - 1; i++) {
      assertEquals(
          "\n", text.substring(bounds.get(i) - 1, bounds.get(i)), "cut after a line break");
    }
  }

  @Test
  void aCodeOfAnotherInquiryCannotBeApplied() {
    Inquiry other = web.fabrique.inquiries().create("Other", "");
    Code foreign =
        web.fabrique
            .coding()
            .createCode(
                other.id(),
                web.fabrique.users().defaultUser().id(),
                CodingService.NewCode.named("X"));
    HttpResponse<String> refused =
        web.json(
            "POST",
            "/api/sources/" + big.id() + "/codings",
            "{\"start\":0,\"end\":5,\"codeId\":" + foreign.id() + "}");
    assertEquals(400, refused.statusCode());
    assertEquals(
        404,
        web.json(
                "POST",
                "/api/sources/" + big.id() + "/codings",
                "{\"start\":0,\"end\":5,\"codeId\":" + new CodeId(1).value() + "999}")
            .statusCode());
  }
}
