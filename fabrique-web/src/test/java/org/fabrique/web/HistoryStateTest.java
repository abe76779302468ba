package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.Coding;
import org.fabrique.core.coding.CodingId;
import org.fabrique.core.coding.CodingOperations;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.history.CompositeOperation;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.OperationTypes;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.user.UserId;
import org.fabrique.web.history.HistoryLines;
import org.fabrique.web.i18n.HistorySentences;
import org.fabrique.web.i18n.Lang;
import org.fabrique.web.i18n.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The client state that follows the history: the version the pages compare, undo and redo that say
 * what they would do, and history lines that say what changed in words.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryStateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Operation types that {@link HistoryLines} describes from their content, not by type id. */
  private static final Set<String> DESCRIBED_FROM_CONTENT =
      Set.of(
          "composite",
          "inquiry.update",
          "case.create",
          "case.update",
          "case.delete",
          "case.restore",
          "source.add",
          "source.update-metadata",
          "source.delete",
          "source.restore",
          "code.create",
          "code.update",
          "code.change",
          "code.delete",
          "code.restore",
          "coding.add",
          "coding.remove",
          "coding.recode",
          "memo.create",
          "memo.update",
          "memo.delete",
          "attribute.define",
          "attribute.update",
          "attribute.delete",
          "attribute.restore",
          "attribute.set-value");

  private TestApp web;

  @BeforeAll
  void start() {
    web = new TestApp();
  }

  @AfterAll
  void stop() {
    web.close();
  }

  private JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private JsonNode state(Inquiry inquiry, String lang) {
    return json(web.get("/api/inquiries/" + inquiry.id() + "/state", "Accept-Language", lang));
  }

  private UserId me() {
    return web.fabrique.users().defaultUser().id();
  }

  private static Page page(Lang lang) {
    return new Page(
        Messages.load(),
        lang,
        Optional.empty(),
        List.of(),
        "/",
        ZoneId.of("UTC"),
        Optional.empty(),
        "",
        Optional.empty(),
        false);
  }

  @Test
  void everyOperationTypeHasASentenceInBothLanguages() {
    Messages messages = Messages.load();
    Set<String> missing = new TreeSet<>();
    for (String type : OperationTypes.all().keySet()) {
      if (DESCRIBED_FROM_CONTENT.contains(type)) {
        continue;
      }
      for (Lang lang : Lang.values()) {
        if (!messages.has(lang, "history.op." + type)) {
          missing.add("history.op." + type + " (" + lang.code() + ")");
        }
      }
    }
    assertEquals(
        Set.of(),
        missing,
        "add these keys to messages_en.properties and messages_fr.properties, or describe the"
            + " operation in HistorySentences");
  }

  @Test
  void theVersionMovesWithEveryChangeAndUndoAndRedoSayWhatTheyWouldDo() {
    Inquiry inquiry = web.fabrique.inquiries().create("State", "");
    JsonNode empty = state(inquiry, "en");
    assertTrue(empty.get("undo").isNull());
    assertTrue(empty.get("redo").isNull());

    web.fabrique.coding().createCode(inquiry.id(), me(), CodingService.NewCode.named("Consent"));
    JsonNode created = state(inquiry, "en");
    assertTrue(created.get("version").asLong() > empty.get("version").asLong());
    assertEquals("Created the code “Consent”", created.get("undo").asText());
    assertEquals("Création du code « Consent »", state(inquiry, "fr").get("undo").asText());

    HttpResponse<String> undone =
        web.json("POST", "/api/inquiries/" + inquiry.id() + "/undo", null);
    assertEquals(200, undone.statusCode());
    JsonNode step = json(undone);
    assertEquals("Created the code “Consent”", step.get("line").get("text").asText());
    JsonNode after = step.get("state");
    assertNotEquals(created.get("version").asLong(), after.get("version").asLong());
    assertTrue(after.get("undo").isNull(), "nothing left to undo");
    assertEquals("Created the code “Consent”", after.get("redo").asText());
    assertEquals(after, state(inquiry, "en"), "the step returns the state the pages read");
    assertEquals(List.of(), web.fabrique.coding().codes(inquiry.id()), "the code is gone");

    String history =
        json(web.get("/api/inquiries/" + inquiry.id() + "/history?limit=1"))
            .get(0)
            .get("text")
            .asText();
    assertEquals("Undid: Created the code “Consent”", history);
  }

  @Test
  void undoingAMemoSaysTheMemoWasWrittenNotDeleted() {
    Inquiry inquiry = web.fabrique.inquiries().create("Memos", "");
    web.fabrique
        .memos()
        .write(
            inquiry.id(),
            me(),
            new org.fabrique.core.memo.ItemRef(
                org.fabrique.core.memo.ItemKind.INQUIRY, inquiry.id().value()),
            "Idea",
            "Body");
    web.fabrique.history().undo(inquiry.id(), me());
    web.fabrique.history().redo(inquiry.id(), me());
    List<String> lines = new java.util.ArrayList<>();
    json(web.get("/api/inquiries/" + inquiry.id() + "/history", "Accept-Language", "en"))
        .forEach(line -> lines.add(line.get("text").asText()));
    assertEquals(List.of("Redid: Wrote a memo", "Undid: Wrote a memo", "Wrote a memo"), lines);
  }

  @Test
  void renamingACodeSaysFromWhatToWhat() {
    Inquiry inquiry = web.fabrique.inquiries().create("Rename", "");
    Code code =
        web.fabrique
            .coding()
            .createCode(inquiry.id(), me(), CodingService.NewCode.named("Consent"));
    web.fabrique
        .coding()
        .updateCode(me(), code.id(), "Informed consent", code.colour(), code.description(), true);
    JsonNode lines =
        json(
            web.get(
                "/api/inquiries/" + inquiry.id() + "/history?limit=1", "Accept-Language", "fr"));
    assertEquals(
        "Renommage du code « Consent » en « Informed consent »", lines.get(0).get("text").asText());
    assertEquals(
        "Renamed the code “Consent” → “Informed consent”",
        state(inquiry, "en").get("undo").asText());
  }

  @Test
  void theHistoryPageListsEveryLineInWordsWithOlderOnesAFollowAway() {
    Inquiry inquiry = web.fabrique.inquiries().create("Whole history", "");
    for (String name : List.of("Consent", "Linkage", "Pseudonymisation")) {
      web.fabrique.coding().createCode(inquiry.id(), me(), CodingService.NewCode.named(name));
    }
    String path = "/inquiries/" + inquiry.id() + "/history";
    HttpResponse<String> all = web.get(path, "Accept-Language", "fr");
    assertEquals(200, all.statusCode());
    assertTrue(all.body().contains("Historique de l’enquête"), all.body());
    for (String name : List.of("Consent", "Linkage", "Pseudonymisation")) {
      assertTrue(all.body().contains("Création du code « " + name + " »"), name);
    }
    assertFalse(all.body().contains("?limit="), "no older lines to show");

    HttpResponse<String> two = web.get(path + "?limit=2", "Accept-Language", "en");
    assertEquals(200, two.statusCode());
    assertTrue(two.body().contains("Created the code “Pseudonymisation”"), two.body());
    assertTrue(two.body().contains("Created the code “Linkage”"), two.body());
    assertFalse(two.body().contains("Created the code “Consent”"), two.body());
    assertTrue(two.body().contains(path + "?limit=102\">Show older lines"), two.body());

    assertEquals(400, web.get(path + "?limit=-1").statusCode());
    assertTrue(
        web.get("/inquiries/" + inquiry.id(), "Accept-Language", "en")
            .body()
            .contains("href=\"" + path + "\">The whole history"));
  }

  @Test
  void aMergeNamesBothCodes() {
    CodeId consent = new CodeId(7);
    CodeId informed = new CodeId(8);
    HistorySentences.Lookup names =
        codeNames(java.util.Map.of(consent, "Consent", informed, "Informed consent"));
    CompositeOperation merge =
        new CompositeOperation(
            "Merged",
            List.of(
                new CodingOperations.RecodeCoding(new CodingId(1), informed),
                new org.fabrique.core.coding.CodebookOperations.DeleteCode(consent)));
    assertEquals(
        "Fusion du code « Consent » dans « Informed consent »",
        HistoryLines.describe(page(Lang.FR), merge, Optional.empty(), names));
    assertEquals(
        "Merged the code “Consent” into “Informed consent”",
        HistoryLines.describe(page(Lang.EN), merge, Optional.empty(), names));
    assertEquals(
        "Merged two codes",
        HistoryLines.describe(
            page(Lang.EN), merge, Optional.empty(), HistorySentences.Lookup.NONE));
  }

  @Test
  void aMergeInEffectNamesTheCodeItDeleted() {
    Inquiry inquiry = web.fabrique.inquiries().create("Merge", "");
    Code consent =
        web.fabrique
            .coding()
            .createCode(inquiry.id(), me(), CodingService.NewCode.named("Consent"));
    Code informed =
        web.fabrique
            .coding()
            .createCode(inquiry.id(), me(), CodingService.NewCode.named("Informed consent"));
    web.fabrique.coding().mergeCodes(me(), consent.id(), informed.id());
    JsonNode lines =
        json(
            web.get(
                "/api/inquiries/" + inquiry.id() + "/history?limit=1", "Accept-Language", "fr"));
    assertEquals("Fusion du code « Consent » dans un autre", lines.get(0).get("text").asText());
  }

  @Test
  void manyPassagesCodedAtOnceAreCountedWithTheRightPluralInBothLanguages() {
    CodeId consent = new CodeId(7);
    List<Operation> three = List.of(add(1, consent), add(2, consent), add(3, consent));
    HistorySentences.Lookup names = codeNames(java.util.Map.of(consent, "Consent"));
    CompositeOperation batch = new CompositeOperation("Auto-coded", three);
    assertEquals(
        "Coded 3 passages with “Consent”",
        HistoryLines.describe(page(Lang.EN), batch, Optional.empty(), names));
    assertEquals(
        "Codage de 3 passages avec « Consent »",
        HistoryLines.describe(page(Lang.FR), batch, Optional.empty(), names));
    CompositeOperation one = new CompositeOperation("Auto-coded", List.of(add(1, consent)));
    assertEquals(
        "Coded 1 passage with “Consent”",
        HistoryLines.describe(page(Lang.EN), one, Optional.empty(), names));
    assertEquals(
        "Coded 3 passages",
        HistoryLines.describe(
            page(Lang.EN), batch, Optional.empty(), HistorySentences.Lookup.NONE));
  }

  @Test
  void theDocumentShowsTheMemosWrittenOnItsPassages() {
    Inquiry inquiry = web.fabrique.inquiries().create("Passages", "");
    var source =
        TestSources.importText(
            web, inquiry, "notes.txt", "Le comité a refusé l'accès.\n", Optional.of("fr"));
    Code code =
        web.fabrique.coding().createCode(inquiry.id(), me(), CodingService.NewCode.named("Refus"));
    var span = web.fabrique.coding().code(me(), source.id(), 3, 9, code.id());
    web.fabrique
        .memos()
        .write(
            inquiry.id(),
            me(),
            new org.fabrique.core.memo.ItemRef(
                org.fabrique.core.memo.ItemKind.SEGMENT, span.segmentId().value()),
            "Sur le comité",
            "Le comité décide seul.");
    String page = web.get("/sources/" + source.id(), "Accept-Language", "fr").body();
    assertTrue(page.contains("Mémos sur des passages de cette source"), page);
    assertTrue(page.contains("Le comité décide seul."));
    assertTrue(page.contains("?at=3&amp;end=9"), "the memo links to its passage");
    assertTrue(page.contains("id=\"doc-memos\" data-live"), "the memos follow the history");
    assertTrue(page.contains("data-history-tools"), "undo and redo are in the header");
  }

  private static CodingOperations.AddCoding add(long id, CodeId code) {
    SegmentId segment = new SegmentId(100 + id);
    return new CodingOperations.AddCoding(
        new Segment(segment, new SourceId(1), (int) id, (int) id + 1, "x"),
        new Coding(new CodingId(200 + id), segment, code, new UserId(1), Instant.EPOCH));
  }

  /** A lookup that knows these codes' names and no history line. */
  private static HistorySentences.Lookup codeNames(java.util.Map<CodeId, String> names) {
    return new HistorySentences.Lookup(
        id -> Optional.empty(), code -> Optional.ofNullable(names.get(code)));
  }
}
