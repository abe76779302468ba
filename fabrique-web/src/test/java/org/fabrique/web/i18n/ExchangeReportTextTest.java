package org.fabrique.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabrique.core.error.Problem;
import org.fabrique.core.exchange.ExchangeReport;
import org.fabrique.core.exchange.ReportWording;
import org.junit.jupiter.api.Test;

/** A data-loss report in the languages of the interface, as the job page and the CLI show it. */
class ExchangeReportTextTest {
  private static final Messages MESSAGES = Messages.load();

  private static ExchangeReport withLosses() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("codes", 2);
    counts.put("codings", 3);
    return new ExchangeReport(
        "Import of a REFI-QDA project",
        "registre.qdpx",
        counts,
        List.of(
            Problem.error("c-1", "The coding refers to the unknown code c-9: not carried"),
            Problem.warning(
                "code Gouvernance",
                "The code has no GUID; it gets a new GUID at" + " the next export"),
            Problem.warning("x", "Something no bundle knows"),
            Problem.info("project", "The history of the inquiry is not carried")),
        Map.of("codings", 1));
  }

  private static ExchangeReport lossless() {
    return new ExchangeReport(
        "Export of the codebook as REFI-QDA", "codes.qdc", Map.of("codes", 4), List.of());
  }

  @Test
  void theEnglishOfTheBundlesIsTheReportTheExchangeWrites() {
    ExchangeReportText english = new ExchangeReportText(MESSAGES, Lang.EN);
    for (ExchangeReport report : List.of(withLosses(), lossless())) {
      assertEquals(report.toMarkdown(ReportWording.ENGLISH), report.toMarkdown(english));
      assertEquals(report.summary(), report.summary(english));
    }
  }

  @Test
  void aReportReadsInFrenchWithItsDataAsItIs() {
    ExchangeReportText french = new ExchangeReportText(MESSAGES, Lang.FR);
    assertEquals(
        """
        # Importation d’un projet REFI-QDA : registre.qdpx

        **1 sur 4 (codages) perdus ; 1 élément non transmis et 2 modifications dans le rapport.**

        ## Perdu

        - codages : 1 sur 4

        ## Transmis

        - codes : 2
        - codages : 3

        ## Non transmis (1)

        - `c-1`: Le codage renvoie au code inconnu c-9 : non transmis

        ## Modifié (2)

        - `code Gouvernance`: L’élément code n’a pas de GUID ; il en recevra un nouveau à la\
         prochaine exportation
        - `x`: Something no bundle knows

        ## Remarques (1)

        - `project`: L’historique de l’enquête n’est pas transmis
        """,
        withLosses().toMarkdown(french));
    assertEquals(
        "Exportation du livre de codes en REFI-QDA : rien de perdu ni de modifié ; rapport dans"
            + " codes.qdc.report.md",
        french.outcome(lossless(), "codes.qdc.report.md"));
  }
}
