package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.KnownBy;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Comparing two versions of a data object and turning the detected changes into drafts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyDiffWebTest {
  private TestApp web;
  private Inquiry inquiry;
  private User user;
  private DataObject extract;

  @BeforeAll
  void start() {
    web = new TestApp();
    inquiry = web.fabrique.inquiries().create("Journey diff", "");
    user = web.fabrique.users().defaultUser();
    Case theCase =
        web.fabrique
            .inquiries()
            .createCase(inquiry.id(), user.id(), "Cohort extract", Domain.COHORT, "");
    extract =
        web.fabrique
            .journeys()
            .create(
                user.id(),
                DataObject.of(
                    ElementHeader.of(
                        web.fabrique.journeys().newId(),
                        inquiry.id(),
                        theCase.id(),
                        "Cohort extract"),
                    DataObjectType.DATASET));
  }

  @AfterAll
  void stop() {
    web.close();
  }

  /** Forty people; the new version keeps the adults and recodes sex from letters to numbers. */
  private static Map<String, Map.Entry<String, byte[]>> versions() {
    StringBuilder old = new StringBuilder("id,age,sex,site\n");
    StringBuilder recent = new StringBuilder("id,age,sex,site\n");
    for (int i = 1; i <= 40; i++) {
      int age = 5 + (i * 7) % 70;
      String sex = i % 2 == 0 ? "F" : "M";
      String site = i % 3 == 0 ? "Lyon" : "Paris";
      old.append(i).append(',').append(age).append(',').append(sex).append(',').append(site);
      old.append('\n');
      if (age >= 18) {
        recent.append(i).append(',').append(age).append(',').append(sex.equals("F") ? "2" : "1");
        recent.append(',').append(site).append('\n');
      }
    }
    Map<String, Map.Entry<String, byte[]>> files = new LinkedHashMap<>();
    files.put(
        "old", Map.entry("extract-2023.csv", old.toString().getBytes(StandardCharsets.UTF_8)));
    files.put(
        "new", Map.entry("extract-2024.csv", recent.toString().getBytes(StandardCharsets.UTF_8)));
    return files;
  }

  private HttpResponse<String> postDrafts(DataObject object, String form) {
    return web.send(
        web.request("/journey/elements/" + object.id() + "/drafts")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  private List<Intervention> reconstructed() {
    return web.fabrique.journeys().list(inquiry.id(), Intervention.class).stream()
        .filter(i -> i.header().knownBy() == KnownBy.RECONSTRUCTED)
        .toList();
  }

  @Test
  void detectedChangesBecomeReconstructedInterventionsThatOneUndoRemoves() {
    String elementPage = web.get("/journey/elements/" + extract.id()).body();
    assertTrue(elementPage.contains("data-compare-form"), elementPage);
    assertTrue(elementPage.contains("Compare two versions"));

    HttpResponse<String> compared =
        web.uploadFields(
            "/journey/elements/" + extract.id() + "/compare", versions(), Map.of("keys", "id"));
    assertEquals(200, compared.statusCode(), compared.body());
    String page = compared.body();
    assertTrue(page.contains("data-detected=\"recoding\""), page);
    assertTrue(page.contains("data-detected=\"row-filter\""), page);

    Matcher report = Pattern.compile("name=\"report\" value=\"([0-9a-f]+)\"").matcher(page);
    Matcher html = Pattern.compile("name=\"html\" value=\"([0-9a-f]+)\"").matcher(page);
    assertTrue(report.find() && html.find(), page);
    HttpResponse<String> stored = web.get("/journey/diff-reports/" + html.group(1));
    assertEquals(200, stored.statusCode());
    assertTrue(stored.body().startsWith("<!DOCTYPE html>"));
    assertEquals(200, web.get("/journey/diff-reports/" + report.group(1) + "/json").statusCode());
    // One kept report, JSON; the page is written from it under the reader's profile.
    assertEquals(report.group(1), html.group(1));
    HttpResponse<String> asStored =
        web.get("/journey/diff-reports/" + report.group(1) + "/json?profile=internal");
    assertTrue(asStored.body().contains("Paris"), asStored.body());
    assertEquals("internal", asStored.headers().firstValue("X-Redaction-Profile").orElse(""));
    for (String served :
        List.of(
            "/journey/diff-reports/" + report.group(1),
            "/journey/diff-reports/" + report.group(1) + "/json",
            "/journey/diff-reports/" + report.group(1) + "/json?profile=public",
            "/journey/diff-reports/" + report.group(1) + "?profile=public")) {
      HttpResponse<String> redacted = web.get(served);
      assertEquals(200, redacted.statusCode(), redacted.body());
      assertTrue(redacted.body().contains("[withheld]"), redacted.body());
      assertTrue(
          !redacted.body().contains("Paris")
              && !redacted.body().contains("Lyon")
              && !redacted.body().contains("extract-2023"),
          served + ": " + redacted.body());
      assertTrue(
          redacted.body().toLowerCase(java.util.Locale.ROOT).contains("recoding"), redacted.body());
    }

    Matcher boxes =
        Pattern.compile(
                "data-detected=\"(recoding|row-filter)\">\\s*<label><input type=\"checkbox\""
                    + " name=\"selected\" value=\"(\\d+)\"")
            .matcher(page);
    StringBuilder form = new StringBuilder("report=" + report.group(1) + "&html=" + html.group(1));
    int chosen = 0;
    String filterIndex = null;
    while (boxes.find()) {
      form.append("&selected=").append(boxes.group(2));
      if (boxes.group(1).equals("row-filter")) {
        filterIndex = boxes.group(2);
      }
      chosen++;
    }
    assertEquals(2, chosen, page);
    // Each change comes with its suggested type, which the researcher may change.
    assertTrue(
        Pattern.compile(
                "name=\"type-"
                    + filterIndex
                    + "\" data-draft-type>[\\s\\S]*?<option value=\"selection\" selected>")
            .matcher(page)
            .find(),
        page);
    HttpResponse<String> unknownType =
        postDrafts(extract, form + "&type-" + filterIndex + "=nonsense");
    assertEquals(400, unknownType.statusCode(), unknownType.body());
    assertTrue(reconstructed().isEmpty());
    HttpResponse<String> created = postDrafts(extract, form + "&type-" + filterIndex + "=cleaning");
    assertEquals(303, created.statusCode(), created.body());

    List<Intervention> drafts = reconstructed();
    assertEquals(2, drafts.size());
    assertEquals(
        List.of("cleaning", "recoding"), drafts.stream().map(Intervention::type).sorted().toList());
    DataObject version =
        web.fabrique.journeys().list(inquiry.id(), DataObject.class).stream()
            .filter(d -> d.label().equals("Cohort extract (new version)"))
            .findFirst()
            .orElseThrow();
    assertEquals(DataObjectType.DATASET_VERSION, version.type());
    for (Intervention draft : drafts) {
      assertEquals(List.of(extract.id()), draft.inputs());
      assertEquals(List.of(version.id()), draft.outputs());
      assertTrue(
          draft.header().description().contains("/journey/diff-reports/" + html.group(1)),
          draft.header().description());
    }

    web.fabrique.history().undo(inquiry.id(), user.id());
    assertTrue(reconstructed().isEmpty());
    assertTrue(
        web.fabrique.journeys().list(inquiry.id(), DataObject.class).stream()
            .noneMatch(d -> d.id().equals(version.id())));
  }

  @Test
  void anIdentifierRenamedAndPseudonymisedIsSuggestedAsAPseudonymisation() {
    StringBuilder old = new StringBuilder("id,nir,age\n");
    StringBuilder recent = new StringBuilder("id,nir_pseudo,age\n");
    for (int i = 1; i <= 60; i++) {
      String nir = String.format(java.util.Locale.ROOT, "1%02d07%05d", i % 90, 75000 + i * 37);
      String token = String.format(java.util.Locale.ROOT, "%016x", nir.hashCode() * 2654435761L);
      old.append(i).append(',').append(nir).append(',').append(20 + i % 50).append('\n');
      recent.append(i).append(',').append(token).append(',').append(20 + i % 50).append('\n');
    }
    Map<String, Map.Entry<String, byte[]>> files = new LinkedHashMap<>();
    files.put("old", Map.entry("people-v1.csv", old.toString().getBytes(StandardCharsets.UTF_8)));
    files.put(
        "new", Map.entry("people-v2.csv", recent.toString().getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> compared =
        web.uploadFields(
            "/journey/elements/" + extract.id() + "/compare", files, Map.of("keys", "id"));
    assertEquals(200, compared.statusCode(), compared.body());
    String page = compared.body();
    Matcher rename =
        Pattern.compile(
                "data-detected=\"column-renamed\">\\s*<label><input type=\"checkbox\""
                    + " name=\"selected\" value=\"(\\d+)\"")
            .matcher(page);
    assertTrue(rename.find(), page);
    String index = rename.group(1);
    // The rename of an identifier whose values became tokens is one act: a pseudonymisation.
    assertTrue(
        Pattern.compile(
                "name=\"type-"
                    + index
                    + "\" data-draft-type>[\\s\\S]*?<option value=\"pseudonymisation\" selected>")
            .matcher(page)
            .find(),
        page);
    Matcher report = Pattern.compile("name=\"report\" value=\"([0-9a-f]+)\"").matcher(page);
    Matcher html = Pattern.compile("name=\"html\" value=\"([0-9a-f]+)\"").matcher(page);
    assertTrue(report.find() && html.find(), page);
    // Without a type chosen in the form, the draft takes the suggested one.
    HttpResponse<String> created =
        postDrafts(
            extract, "report=" + report.group(1) + "&html=" + html.group(1) + "&selected=" + index);
    assertEquals(303, created.statusCode(), created.body());
    assertEquals(
        List.of("pseudonymisation"), reconstructed().stream().map(Intervention::type).toList());
    web.fabrique.history().undo(inquiry.id(), user.id());
    assertTrue(reconstructed().isEmpty());
  }

  @Test
  void theFormSpeaksFrenchToo() {
    String page =
        web.get("/journey/elements/" + extract.id() + "?lang=fr", "Accept-Language", "fr").body();
    assertTrue(page.contains("Comparer deux versions"), page);
    assertTrue(page.contains("Ancienne version"), page);
  }

  @Test
  void theDetectedChangesAreNamedInTheReadersLanguage() {
    String french =
        web.uploadFields(
                "/journey/elements/" + extract.id() + "/compare",
                versions(),
                Map.of("keys", "id"),
                "Accept-Language",
                "fr")
            .body();
    assertTrue(french.contains(">Lignes retirées</span>"), french);
    assertTrue(french.contains(">Recodage</span>"), french);
    assertFalse(french.contains(">row-filter</span>"), french);
    String english =
        web.uploadFields(
                "/journey/elements/" + extract.id() + "/compare",
                versions(),
                Map.of("keys", "id"),
                "Accept-Language",
                "en")
            .body();
    assertTrue(english.contains(">Rows removed</span>"), english);
  }

  @Test
  void aComparisonWithoutTheNewVersionIsRefusedWithAMessage() {
    Map<String, Map.Entry<String, byte[]>> onlyOld = new LinkedHashMap<>();
    onlyOld.put("old", versions().get("old"));
    HttpResponse<String> refused =
        web.uploadFields("/journey/elements/" + extract.id() + "/compare", onlyOld, Map.of());
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("new version"), refused.body());
  }

  @Test
  void aDigestThatIsNoReportIsNotServed() {
    String digest =
        web.fabrique.store().blobs().put("not a report".getBytes(StandardCharsets.UTF_8));
    assertEquals(404, web.get("/journey/diff-reports/" + digest).statusCode());
    assertEquals(404, web.get("/journey/diff-reports/" + digest + "/json").statusCode());
  }

  @Test
  void aFileThatIsNoTableIsRefusedInTheReadersLanguage() {
    Map<String, Map.Entry<String, byte[]>> files = new LinkedHashMap<>(versions());
    files.put("new", Map.entry("garbage.csv", new byte[] {0, 1, 2, 3, 'a', 0, 0, 7, 'b', 0}));
    String path = "/journey/elements/" + extract.id() + "/compare";

    HttpResponse<String> french = web.uploadFields(path, files, Map.of(), "Accept-Language", "fr");
    HttpResponse<String> english = web.uploadFields(path, files, Map.of(), "Accept-Language", "en");

    assertEquals(400, french.statusCode(), french.body());
    assertTrue(
        french
            .body()
            .contains(
                "Les deux versions ne peuvent pas être comparées : garbage.csv n’est pas une table"
                    + " en texte : il contient des données binaires"),
        french.body());
    assertTrue(
        english
            .body()
            .contains(
                "The two versions cannot be compared: garbage.csv is not a text table: it holds"
                    + " binary content"),
        english.body());
  }
}
