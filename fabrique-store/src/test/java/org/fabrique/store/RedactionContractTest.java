package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.Fabrique;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.ExtractedText;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.TextExtractor;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.redaction.CategoryPolicy;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.core.redaction.IdentifierCategory;
import org.fabrique.core.redaction.PseudonymEntry;
import org.fabrique.core.redaction.Redaction;
import org.fabrique.core.redaction.RedactionService;
import org.fabrique.core.redaction.ReplacementKind;
import org.fabrique.core.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pseudonymisation assistant on a real database: suggestions, decisions, key table. */
abstract class RedactionContractTest extends StoreTestCase {
  private Fabrique fabrique;
  private RedactionService redactions;
  private User anne;
  private Inquiry inquiry;

  @BeforeEach
  void setUp() {
    fabrique = Fabrique.on(store, new PlainTextFiles(), Clock.systemUTC());
    redactions = fabrique.redactions();
    anne = fabrique.users().ensure("anne", "Anne");
    inquiry = fabrique.inquiries().create("Cohort", "");
  }

  private Source importText(String name, String text) throws IOException {
    Path file = dataDir.resolve(name);
    Files.writeString(file, text);
    return fabrique
        .corpus()
        .importFile(
            inquiry.id(),
            anne.id(),
            new ImportRequest(
                name,
                file,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("fr"),
                Optional.empty(),
                Confidentiality.CONFIDENTIAL));
  }

  @Test
  void suggestionsAreRecordedOnceAndDecisionsMakeConsistentPseudonyms() throws IOException {
    fabrique
        .journeys()
        .create(
            anne.id(),
            new Actor(
                ElementHeader.of(fabrique.journeys().newId(), inquiry.id(), null, "Informant F3"),
                ActorType.PERSON,
                Optional.of("Marie Dupont")));
    Source one = importText("one.txt", "Hier, Marie Dupont a appelé le 14 septembre 2019.\n");
    Source two = importText("two.txt", "Selon Dupont, le CHU de Rennes refuse.\n");

    List<Redaction> first = redactions.suggest(inquiry.id(), Optional.empty());
    assertTrue(first.size() >= 4, first.toString());
    assertEquals(List.of(), redactions.suggest(inquiry.id(), Optional.empty()));

    Redaction marie =
        first.stream()
            .filter(r -> r.sourceId().equals(one.id()) && r.category() == IdentifierCategory.PERSON)
            .findFirst()
            .orElseThrow();
    assertEquals("Marie Dupont", redactions.passage(marie));
    redactions.accept(anne.id(), marie.id());
    redactions.acceptEverywhere(anne.id(), inquiry.id(), "Dupont", IdentifierCategory.PERSON);
    first.stream()
        .filter(r -> r.category() == IdentifierCategory.HOSPITAL)
        .forEach(r -> redactions.accept(anne.id(), r.id()));
    first.stream()
        .filter(r -> r.category() == IdentifierCategory.DATE)
        .forEach(r -> redactions.accept(anne.id(), r.id()));

    List<PseudonymEntry> keys = redactions.keyTable(inquiry.id());
    assertEquals(
        List.of("Informant F3", "Informant F3"),
        keys.stream()
            .filter(k -> k.category() == IdentifierCategory.PERSON)
            .map(PseudonymEntry::pseudonym)
            .toList());

    var team = redactions.redactor(inquiry.id(), ExportProfile.TEAM);
    assertEquals(
        "Hier, Informant F3 a appelé le 14 septembre 2019.\n",
        team.text(one.id(), fabrique.corpus().text(one.id())).text().text());
    assertEquals(
        "Selon Informant F3, le [HOSPITAL] refuse.\n",
        team.text(two.id(), fabrique.corpus().text(two.id())).text().text());
    var publicProfile = redactions.redactor(inquiry.id(), ExportProfile.PUBLIC);
    assertEquals(
        "Hier, Informant F3 a appelé le septembre 2019.\n",
        publicProfile.text(one.id(), fabrique.corpus().text(one.id())).text().text());
    assertEquals("Informant F3 écrit.", publicProfile.freeText("Marie Dupont écrit."));

    redactions.setPolicy(
        inquiry.id(),
        new CategoryPolicy(
            IdentifierCategory.DATE,
            ReplacementKind.GENERALISATION,
            "",
            CategoryPolicy.Granularity.YEAR));
    assertEquals(
        "Hier, Informant F3 a appelé le 2019.\n",
        redactions
            .redactor(inquiry.id(), ExportProfile.PUBLIC)
            .text(one.id(), fabrique.corpus().text(one.id()))
            .text()
            .text());
    assertThrows(
        InvalidInputException.class,
        () ->
            redactions.setPolicy(
                inquiry.id(),
                new CategoryPolicy(
                    IdentifierCategory.EMAIL,
                    ReplacementKind.GENERALISATION,
                    "",
                    CategoryPolicy.Granularity.YEAR)));
  }

  @Test
  void aRejectedSuggestionIsNotAppliedNorSuggestedAgain() throws IOException {
    Source one = importText("one.txt", "Nous avons vu Sophie Martin à Vannes.\n");
    List<Redaction> found = redactions.suggest(inquiry.id(), Optional.of(one.id()));
    found.forEach(r -> redactions.reject(anne.id(), r.id()));
    assertEquals(List.of(), redactions.suggest(inquiry.id(), Optional.of(one.id())));
    assertEquals(
        "Nous avons vu Sophie Martin à Vannes.\n",
        redactions
            .redactor(inquiry.id(), ExportProfile.PUBLIC)
            .text(one.id(), fabrique.corpus().text(one.id()))
            .text()
            .text());
  }

  @Test
  void aPassageMarkedByHandGetsTheNextPseudonym() throws IOException {
    Source one = importText("one.txt", "Le surnom de Bibi circule.\n");
    Redaction marked = redactions.mark(anne.id(), one.id(), 13, 17, IdentifierCategory.PERSON);
    assertEquals("Bibi", redactions.passage(marked));
    assertEquals("Person 1", redactions.keyTable(inquiry.id()).get(0).pseudonym());
    assertThrows(
        InvalidInputException.class,
        () -> redactions.mark(anne.id(), one.id(), 14, 20, IdentifierCategory.PERSON));
  }

  /** Plain text files as they are. */
  static final class PlainTextFiles implements TextExtractor {
    @Override
    public ExtractedText extract(String fileName, Path file) {
      try {
        return new ExtractedText(Files.readString(file), "text/plain", Optional.empty());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Optional<String> detectLanguage(String text) {
      return Optional.empty();
    }
  }
}
