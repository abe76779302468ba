package org.fabrique.app.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.fabrique.app.Workbench;
import org.fabrique.app.demo.DemoInquiry;
import org.fabrique.core.Fabrique;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.ImportRequest;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.Span;
import org.fabrique.core.journey.query.CaseDossier;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.formats.dossier.DossierWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case dossiers: the demo's genomics case in HTML and PDF, in English and French, with its quotes
 * ready to cite; a case whose material names people leaks no name under the team and public
 * profiles; an empty case gives an empty dossier.
 */
class CaseDossierTest {
  private static final String CANARY = "Zoltravinska";
  private static final String SECRET_CANARY = "Quenthorpe";
  private static final String REAL_NAME = "Brunhilde Vasquez-Oyelaran";

  @TempDir Path temp;

  @Test
  void theDemoGenomicsDossierCarriesItsGraphSectionsAndCitableQuotesInHtmlAndPdf()
      throws IOException {
    try (Workbench workbench = Workbench.embedded(temp.resolve("data"))) {
      Fabrique fabrique = workbench.fabrique();
      Inquiry inquiry = new DemoInquiry(fabrique).load();
      Case genomics =
          fabrique.inquiries().cases(inquiry.id()).stream()
              .filter(c -> c.domain() == Domain.GENOMICS)
              .findFirst()
              .orElseThrow();
      CaseDossier dossier =
          fabrique
              .journeys()
              .dossiers()
              .build(
                  genomics.id(),
                  fabrique.redactions().scope(inquiry.id(), ExportProfile.TEAM),
                  Locale.ENGLISH);
      assertFalse(dossier.choices().isEmpty());
      assertFalse(dossier.tensions().isEmpty());
      assertFalse(dossier.graph().edges().isEmpty());
      assertTrue(
          dossier.evidence().stream()
              .anyMatch(
                  q ->
                      q.citation()
                              .equals(
                                  "Interview BI02 — bioinformatician, genome platform, 00:02:47")
                          && q.text().startsWith("I proposed to publish aggregate allele")),
          dossier.evidence().toString());

      String html = html(dossier);
      assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
      assertTrue(html.contains("<svg"), "the journey graph is drawn");
      for (String heading :
          List.of("Case dossier", "Journey", "Timeline", "Choices", "Tensions", "Evidence index")) {
        assertTrue(html.contains(heading), heading);
      }
      assertTrue(html.contains("Interview BI02 — bioinformatician, genome platform, 00:02:47"));
      assertTrue(html.contains("I proposed to publish aggregate allele frequencies"));

      String french =
          html(
              fabrique
                  .journeys()
                  .dossiers()
                  .build(
                      genomics.id(),
                      fabrique.redactions().scope(inquiry.id(), ExportProfile.TEAM),
                      Locale.FRENCH));
      assertTrue(french.contains("lang=\"fr\""));
      assertTrue(french.contains("Dossier du cas"));
      assertTrue(french.contains("Index des preuves"));

      String text = pdfText(pdf(dossier));
      assertTrue(text.contains("Case dossier"), text);
      assertTrue(text.contains("I proposed to publish aggregate allele frequencies"), text);
      assertTrue(text.contains("genome platform, 00:02:47"), text);
    }
  }

  @Test
  void noNameLeavesThroughADossierUnderTeamOrPublicAndInternalShowsRealNames() throws IOException {
    Path file = temp.resolve("entretien.txt");
    Files.writeString(
        file,
        "Enquêtrice : Bonjour.\nMme "
            + CANARY
            + " : Je suis suivie au CHU de Rennes depuis le 14 mars 2019, j'ai 93 ans.\n");
    Path secret = temp.resolve("secret.txt");
    Files.writeString(secret, "Le dossier de M. " + SECRET_CANARY + " reste secret.\n");
    try (Workbench workbench = Workbench.embedded(temp.resolve("data"))) {
      Fabrique fabrique = workbench.fabrique();
      var user = fabrique.users().defaultUser();
      Inquiry inquiry = fabrique.inquiries().create("Cohorte", "");
      Case theCase =
          fabrique
              .inquiries()
              .createCase(inquiry.id(), user.id(), "Cohorte Rennes", Domain.COHORT, "");
      Source source =
          fabrique
              .corpus()
              .importFile(inquiry.id(), user.id(), ImportRequest.of("entretien.txt", file));
      Source hidden =
          fabrique
              .corpus()
              .importFile(
                  inquiry.id(),
                  user.id(),
                  new ImportRequest(
                      "secret.txt",
                      secret,
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty(),
                      Confidentiality.SECRET));
      var journeys = fabrique.journeys();
      Actor actor =
          journeys.create(
              user.id(),
              new Actor(
                  ElementHeader.of(journeys.newId(), inquiry.id(), theCase.id(), "DM-1"),
                  ActorType.PERSON,
                  Optional.of(REAL_NAME)));
      Choice choice =
          journeys.create(
              user.id(),
              Choice.of(
                      ElementHeader.of(
                          journeys.newId(),
                          inquiry.id(),
                          theCase.id(),
                          "Garder l'âge de Mme " + CANARY + " ?"),
                      Set.of(Dimension.NATURE),
                      List.of())
                  .decided(
                      List.of(
                          new ChoiceOption("âge exact", List.of()),
                          new ChoiceOption("tranche d'âge", List.of(actor.id()))),
                      1,
                      "risque de réidentification",
                      "consensus",
                      List.of(actor.id()),
                      Optional.empty()));
      journeys.create(
          user.id(),
          Choice.of(
              ElementHeader.of(
                      journeys.newId(), inquiry.id(), theCase.id(), "Lien " + SECRET_CANARY)
                  .withConfidentiality(Confidentiality.SECRET),
              Set.of(Dimension.REGULATION),
              List.of()));
      String text = fabrique.corpus().text(source.id()).text();
      journeys.addEvidence(
          user.id(),
          choice.id(),
          source.id(),
          Optional.of(new Span(text.indexOf("Mme"), text.indexOf(" depuis"))),
          "");
      journeys.addEvidence(user.id(), choice.id(), hidden.id(), Optional.of(new Span(0, 30)), "");
      fabrique
          .redactions()
          .suggest(inquiry.id(), Optional.empty())
          .forEach(r -> fabrique.redactions().accept(user.id(), r.id()));

      CaseDossier internal = dossier(fabrique, theCase, ExportProfile.INTERNAL);
      String internalHtml = html(internal);
      assertTrue(internalHtml.contains(CANARY));
      assertTrue(internalHtml.contains(SECRET_CANARY));
      assertTrue(internalHtml.contains(REAL_NAME));
      assertEquals(2, internal.evidence().size());

      for (ExportProfile profile : List.of(ExportProfile.TEAM, ExportProfile.PUBLIC)) {
        CaseDossier dossier = dossier(fabrique, theCase, profile);
        String html = html(dossier);
        String pdf = pdfText(pdf(dossier));
        for (String leak : List.of(CANARY, SECRET_CANARY, REAL_NAME)) {
          assertFalse(html.contains(leak), profile.name() + " HTML carries " + leak);
          assertFalse(pdf.contains(leak), profile.name() + " PDF carries " + leak);
        }
        if (profile == ExportProfile.TEAM) {
          // the confidential interview is quoted pseudonymised, the secret one is left out
          assertEquals(1, dossier.evidence().size(), dossier.evidence().toString());
          assertTrue(
              dossier.evidence().get(0).text().startsWith("Mme Person 1 : Je suis suivie au"),
              dossier.evidence().get(0).text());
          assertTrue(html.contains("DM-1"));
        } else {
          assertTrue(dossier.evidence().isEmpty(), dossier.evidence().toString());
        }
      }
    }
  }

  @Test
  void anEmptyCaseHasAnEmptyDossierInHtmlAndPdf() throws IOException {
    try (Workbench workbench = Workbench.embedded(temp.resolve("data"))) {
      Fabrique fabrique = workbench.fabrique();
      var user = fabrique.users().defaultUser();
      Inquiry inquiry = fabrique.inquiries().create("Vide", "");
      Case theCase =
          fabrique.inquiries().createCase(inquiry.id(), user.id(), "Rien", Domain.OTHER, "");
      CaseDossier dossier = dossier(fabrique, theCase, ExportProfile.TEAM);
      assertTrue(dossier.isEmpty());
      assertTrue(html(dossier).contains("no journey element"));
      assertTrue(pdfText(pdf(dossier)).contains("Case dossier"));
    }
  }

  private static CaseDossier dossier(Fabrique fabrique, Case theCase, ExportProfile profile) {
    return fabrique
        .journeys()
        .dossiers()
        .build(
            theCase.id(),
            fabrique.redactions().scope(theCase.inquiryId(), profile),
            Locale.ENGLISH);
  }

  private static String html(CaseDossier dossier) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new DossierWriter().html(dossier, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static byte[] pdf(CaseDossier dossier) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new DossierWriter().pdf(dossier, out);
    return out.toByteArray();
  }

  private static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
