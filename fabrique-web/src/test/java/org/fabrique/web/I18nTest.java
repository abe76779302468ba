package org.fabrique.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.fabrique.web.i18n.Lang;
import org.fabrique.web.i18n.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** French and English: chosen by the browser, switched by a link, remembered in a cookie. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class I18nTest {
  private TestApp web;

  @BeforeAll
  void start() {
    web = new TestApp();
  }

  @AfterAll
  void stop() {
    web.close();
  }

  @Test
  void aFrenchBrowserGetsFrenchPages() {
    String page = web.get("/", "Accept-Language", "fr-FR,fr;q=0.9,en;q=0.8").body();
    assertTrue(page.contains("<html lang=\"fr\">"));
    assertTrue(page.contains("Nouvelle enquête"));
    assertTrue(page.contains(">English</a>"), "the switch offers the other language");
  }

  @Test
  void anyOtherBrowserGetsEnglish() {
    String page = web.get("/", "Accept-Language", "de-DE,de;q=0.9").body();
    assertTrue(page.contains("<html lang=\"en\">"));
    assertTrue(page.contains("New inquiry"));
  }

  @Test
  void theSwitchSetsACookieThatWinsOverTheBrowser() {
    HttpResponse<String> switched = web.get("/lang/fr?back=/%3Fx%3D1", "Accept-Language", "en");
    assertEquals(303, switched.statusCode());
    assertEquals("/?x=1", switched.headers().firstValue("Location").orElseThrow());
    String cookie = switched.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.startsWith("fabrique_lang=fr;"), cookie);
    assertTrue(cookie.contains("SameSite=Lax"));
    String page = web.get("/", "Accept-Language", "en", "Cookie", "fabrique_lang=fr").body();
    assertTrue(page.contains("Nouvelle enquête"));
  }

  @Test
  void errorPagesAreTranslated() {
    String page = web.get("/inquiries/424242", "Accept-Language", "fr").body();
    assertTrue(page.contains("<h1>Introuvable</h1>"));
  }

  @Test
  void bothLanguagesHaveTheSameMessages() {
    Messages messages = Messages.load();
    assertEquals(messages.keys(Lang.EN), messages.keys(Lang.FR));
  }

  @Test
  void everyKindOfJourneyElementHasItsFormAndFieldLabelsInBothLanguages() {
    Messages messages = Messages.load();
    java.util.Set<String> missing = new java.util.TreeSet<>();
    for (var kind : org.fabrique.core.journey.kind.ElementKinds.all()) {
      java.util.List<String> keys = new java.util.ArrayList<>();
      keys.add(kind.addKey());
      keys.add("journey.kind." + kind.id());
      keys.add(kind.labelField().labelKey());
      java.util.List<org.fabrique.core.journey.kind.FormField> fields =
          new java.util.ArrayList<>(kind.fields());
      for (var rows : kind.rows()) {
        keys.add(rows.headingKey());
        keys.add(rows.emptyKey());
        fields.addAll(rows.fields());
      }
      for (var field : fields) {
        keys.add(field.labelKey());
        field.choices().forEach(id -> keys.add(field.choiceKeyPrefix() + id));
        if (field.type() == org.fabrique.core.journey.kind.FieldType.SECRET) {
          keys.add(field.labelKey() + ".help");
          keys.add(field.labelKey() + ".kept");
          keys.add(field.labelKey() + ".none");
        }
      }
      for (Lang lang : Lang.values()) {
        keys.stream().filter(k -> !messages.keys(lang).contains(k)).forEach(missing::add);
      }
    }
    assertEquals(java.util.Set.of(), missing);
  }

  @Test
  void messagesKeepApostrophesAndFillPlaceholders() {
    Messages messages = Messages.load();
    assertEquals("Créer « Refus » et l’appliquer", messages.get(Lang.FR, "doc.create", "Refus"));
    assertEquals("Import 1 sur 3 : a.txt", messages.get(Lang.FR, "import.progress", 1, 3, "a.txt"));
  }

  @Test
  void aScriptGetsTheFormsOfAPluralByKeywordInThePageLanguage() {
    Messages messages = Messages.load();
    assertEquals(
        java.util.Map.of("one", "Sélection : {0} caractère", "other", "Sélection : {0} caractères"),
        messages.pluralForms(Lang.FR, "doc.selected"));
    assertEquals(
        java.util.Map.of("one", "Selected: {0} character", "other", "Selected: {0} characters"),
        messages.pluralForms(Lang.EN, "doc.selected"));
    assertEquals("Sélection : 1 caractère", messages.get(Lang.FR, "doc.selected", 1));
    assertEquals("Sélection : 0 caractère", messages.get(Lang.FR, "doc.selected", 0));
    assertEquals("Selected: 0 characters", messages.get(Lang.EN, "doc.selected", 0));
    assertEquals(
        java.util.Map.of("other", "Import terminé : {0}, {1}."),
        messages.pluralForms(Lang.FR, "import.done"));
  }

  @Test
  void acceptLanguageIsReadWithItsWeights() {
    assertEquals(Lang.FR, Lang.fromAcceptLanguage("fr-CA"));
    assertEquals(Lang.EN, Lang.fromAcceptLanguage("en-GB,fr;q=0.5"));
    assertEquals(Lang.FR, Lang.fromAcceptLanguage("de;q=1, fr;q=0.7, en;q=0.3"));
    assertEquals(Lang.EN, Lang.fromAcceptLanguage("not a header;;;"));
    assertEquals(Lang.EN, Lang.fromAcceptLanguage(null));
  }

  @Test
  void datesAndNumbersAreFormattedPerLocale() {
    Messages messages = Messages.load();
    Page french =
        new Page(
            messages,
            Lang.FR,
            Optional.empty(),
            List.of(),
            "/",
            ZoneId.of("Europe/Paris"),
            Optional.empty(),
            "",
            Optional.empty(),
            false);
    Page english =
        new Page(
            messages,
            Lang.EN,
            Optional.empty(),
            List.of(),
            "/",
            ZoneId.of("Europe/Paris"),
            Optional.empty(),
            "",
            Optional.empty(),
            false);
    assertEquals("18 mars 2024", french.date(LocalDate.of(2024, 3, 18)));
    assertEquals("March 18, 2024", english.date(LocalDate.of(2024, 3, 18)));
    assertTrue(french.dateTime(Instant.parse("2024-03-18T09:05:00Z")).contains("10:05"));
    assertEquals("1 000 000".replace(' ', '\u202f'), french.number(1_000_000));
    assertEquals("0,792", french.decimal(0.79213, 3));
    assertEquals("0.792", english.decimal(0.79213, 3));
    assertEquals("-0,006", french.decimal(-0.0061, 3));
    assertEquals("99,4 %", french.percent(0.9942));
    assertEquals("99.4 %", english.percent(0.9942));
    assertEquals("Français", english.languageName("fr").replace("French", "Français"));
  }
}
