package org.fabrique.core.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.SourceId;
import org.junit.jupiter.api.Test;

class RedactionModelTest {
  private final IdentifierLists lists = IdentifierLists.bundled();

  @Test
  void aNirIsSuggestedOnlyWithItsKey() {
    assertTrue(IdentifierChecks.validNir("2 30 05 35 238 042 83"));
    assertFalse(IdentifierChecks.validNir("2 30 05 35 238 042 84"));
    assertTrue(IdentifierChecks.validNir("1 85 05 2A 123 456 " + corsicanKey()));
    List<Suggestion> found =
        IdentifierDetector.bundled()
            .detect(
                PlainText.of("numéro 2 30 05 35 238 042 84 et 2 30 05 35 238 042 83"), List.of());
    assertEquals(1, found.stream().filter(s -> s.category() == IdentifierCategory.NIR).count());
  }

  private static String corsicanKey() {
    long number = Long.parseLong("1850519123456");
    return String.format(java.util.Locale.ROOT, "%02d", 97 - number % 97);
  }

  @Test
  void anIbanNeedsValidCheckDigits() {
    assertTrue(IdentifierChecks.validIban("FR76 3000 6000 0112 3456 7890 189"));
    assertTrue(IdentifierChecks.validIban("GB82WEST12345698765432"));
    assertFalse(IdentifierChecks.validIban("GB83WEST12345698765432"));
  }

  @Test
  void agesUnderNinetyAreNotSuggested() {
    List<Suggestion> found =
        IdentifierDetector.bundled()
            .detect(
                PlainText.of("Elle a 89 ans, sa mère 93 ans. A 45-year-old and a 96-year-old."),
                List.of());
    assertEquals(
        List.of("93", "96"),
        found.stream()
            .filter(s -> s.category() == IdentifierCategory.AGE)
            .map(
                s ->
                    "Elle a 89 ans, sa mère 93 ans. A 45-year-old and a 96-year-old."
                        .substring(s.start(), s.end()))
            .toList());
  }

  @Test
  void positionsAreRemappedAroundReplacementsInCodePoints() {
    // an emoji before the name: positions are code points, not UTF-16 units
    PlainText text = PlainText.of("😀 Marie Dupont a vu le Dr Martin.");
    RedactedText out =
        RedactedText.apply(
            text,
            List.of(
                new RedactedText.Replacement(2, 14, "Informant F3"),
                new RedactedText.Replacement(26, 32, "Person 2")));
    assertEquals("😀 Informant F3 a vu le Dr Person 2.", out.text().text());
    // a coding on "a vu" (15..19) stays on "a vu"
    assertEquals("a vu", out.passage(15, 19));
    // a coding on "Dupont" alone covers the whole replacement
    assertEquals("Informant F3", out.passage(8, 14));
    // a coding across the name keeps its words
    assertEquals("Informant F3 a vu", out.passage(2, 19));
    assertEquals("Dr Person 2.", out.passage(23, 33));
  }

  @Test
  void freeTextReplacesTheLongestValueFirst() {
    Redactor redactor =
        new Redactor(
            ExportProfile.PUBLIC,
            Map.<SourceId, List<RedactedText.Replacement>>of(),
            List.of(
                new Redactor.Value("Marie", "Person 1"),
                new Redactor.Value("Marie Dupont", "Informant F3"),
                new Redactor.Value("Dupont", "Informant F3")));
    assertEquals(
        "Informant F3 et Person 1 ; Informant F3 ? Non : Informant F3.",
        redactor.freeText("Marie Dupont et Marie ; DUPONT ? Non : Dupont."));
    assertEquals("Mariette reste.", redactor.freeText("Mariette reste."));
  }

  @Test
  void generalisationGoesToTheMonthTheYearTheBandOrTheDepartement() {
    CategoryPolicy month = CategoryPolicy.defaultFor(IdentifierCategory.DATE);
    assertEquals(
        Optional.of("septembre 2019"), Replacements.generalise(month, "14 septembre 2019", lists));
    assertEquals(Optional.of("March 2022"), Replacements.generalise(month, "March 3, 2022", lists));
    assertEquals(Optional.of("07/1931"), Replacements.generalise(month, "03/07/1931", lists));
    CategoryPolicy year =
        new CategoryPolicy(
            IdentifierCategory.DATE,
            ReplacementKind.GENERALISATION,
            "",
            CategoryPolicy.Granularity.YEAR);
    assertEquals(Optional.of("2019"), Replacements.generalise(year, "2019-11-04", lists));
    assertEquals(
        Optional.of("90+"),
        Replacements.generalise(CategoryPolicy.defaultFor(IdentifierCategory.AGE), "94", lists));
    CategoryPolicy town = CategoryPolicy.defaultFor(IdentifierCategory.PLACE);
    assertEquals(Optional.of("Morbihan"), Replacements.generalise(town, "Vannes", lists));
    CategoryPolicy region =
        new CategoryPolicy(
            IdentifierCategory.PLACE,
            ReplacementKind.GENERALISATION,
            "",
            CategoryPolicy.Granularity.REGION);
    assertEquals(Optional.of("Bretagne"), Replacements.generalise(region, "Lorient", lists));
  }

  @Test
  void theListsSayTheirVersions() {
    assertEquals("2026.12.1", lists.versions().get("fr-first-names.txt"));
    assertTrue(lists.isFirstName("Claire"));
    assertTrue(lists.isFirstName("CLAIRE"));
    assertEquals("29", lists.town("Quimper").orElseThrow().departement().orElseThrow());
  }
}
