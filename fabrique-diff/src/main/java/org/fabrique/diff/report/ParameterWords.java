package org.fabrique.diff.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a finding in words, in English and in French, for the reports people read (the
 * JSON report keeps the stable names). A parameter without words here is shown by its name.
 */
public final class ParameterWords {
  private ParameterWords() {}

  private record Words(String en, String fr) {}

  private static final Map<String, Words> WORDS =
      Map.ofEntries(
          Map.entry("cells", new Words("cells changed", "cellules modifiées")),
          Map.entry(
              "share", new Words("share of the compared cells", "part des cellules comparées")),
          Map.entry("mask", new Words("mask written in their place", "masque écrit à leur place")),
          Map.entry(
              "rareBelow",
              new Words(
                  "values occurring fewer times than this were masked",
                  "valeurs présentes moins de fois que ceci masquées")),
          Map.entry(
              "largestMaskedCount",
              new Words(
                  "most rows of a value masked",
                  "plus grand nombre de lignes d'une valeur masquée")),
          Map.entry(
              "smallestKeptCount",
              new Words(
                  "fewest rows of a value kept",
                  "plus petit nombre de lignes d'une valeur gardée")),
          Map.entry(
              "maskedBelow",
              new Words("numbers below this were masked", "nombres inférieurs à ceci masqués")),
          Map.entry(
              "maxAbsoluteDifference",
              new Words("largest change of a value", "plus grand écart d'une valeur")),
          Map.entry("meanDifference", new Words("mean change", "écart moyen")),
          Map.entry(
              "meanAbsoluteDifference", new Words("mean size of a change", "écart absolu moyen")),
          Map.entry(
              "maxRelativeDifference",
              new Words("largest change relative to the value", "plus grand écart relatif")),
          Map.entry(
              "perturbedShare",
              new Words("share of the values changed", "part des valeurs modifiées")),
          Map.entry("rule", new Words("rule", "règle")),
          Map.entry("width", new Words("width of a band", "largeur d'une tranche")),
          Map.entry("bands", new Words("bands", "tranches")),
          Map.entry(
              "step",
              new Words("rounded down to multiples of", "arrondi au multiple inférieur de")),
          Map.entry("keptCharacters", new Words("characters kept", "caractères gardés")),
          Map.entry("decimals", new Words("decimals kept", "décimales gardées")),
          Map.entry(
              "height",
              new Words("levels climbed in the hierarchy", "niveaux gravis dans la hiérarchie")),
          Map.entry(
              "explainedShare",
              new Words(
                  "share of the edits the rule explains", "part des modifications expliquée")),
          Map.entry("mapping", new Words("mapping", "correspondance")),
          Map.entry("identifiers", new Words("identifiers replaced", "identifiants remplacés")),
          Map.entry("tokenLength", new Words("length of a token", "longueur d'un jeton")),
          Map.entry(
              "tokenAlphabet", new Words("characters of the tokens", "caractères des jetons")),
          Map.entry("kind", new Words("kind", "sorte")),
          Map.entry("merged", new Words("categories merged", "catégories fusionnées")),
          Map.entry("categoriesBefore", new Words("categories before", "catégories avant")),
          Map.entry("categoriesAfter", new Words("categories after", "catégories après")),
          Map.entry(
              "caseOnly", new Words("only the letter case changed", "seule la casse a changé")),
          Map.entry(
              "replacedShare",
              new Words("share of the values replaced", "part des valeurs remplacées")),
          Map.entry("removedRows", new Words("rows removed", "lignes retirées")),
          Map.entry("addedRows", new Words("rows added", "lignes ajoutées")),
          Map.entry("predicate", new Words("rule the rows meet", "règle que suivent les lignes")),
          Map.entry(
              "coverage",
              new Words("share of these rows the rule covers", "part de ces lignes couverte")),
          Map.entry("clauses", new Words("parts of the rule", "parties de la règle")),
          Map.entry(
              "sampledRows",
              new Words("rows the rule was found on (a sample)", "lignes de l'échantillon")),
          Map.entry("position", new Words("position", "position")),
          Map.entry("from", new Words("from", "de")),
          Map.entry("to", new Words("to", "à")),
          Map.entry("into", new Words("into", "en")),
          Map.entry("method", new Words("test", "test")),
          Map.entry("statistic", new Words("statistic", "statistique")),
          Map.entry("pValue", new Words("p-value", "valeur p")),
          Map.entry("wasserstein", new Words("Wasserstein distance", "distance de Wasserstein")),
          Map.entry(
              "divergence", new Words("Jensen–Shannon divergence", "divergence de Jensen–Shannon")),
          Map.entry("transformation", new Words("what was done", "ce qui a été fait")),
          Map.entry(
              "rowsExplainedShare",
              new Words(
                  "share of the aligned rows explained", "part des lignes alignées expliquée")),
          Map.entry(
              "alignedRows",
              new Words(
                  "rows aligned to test it (first rows)", "lignes alignées pour le vérifier")),
          Map.entry("factor", new Words("factor", "facteur")),
          Map.entry("offset", new Words("offset", "décalage")),
          Map.entry("threshold", new Words("threshold", "seuil")),
          Map.entry(
              "valuesCoded", new Words("values set to the threshold", "valeurs ramenées au seuil")),
          Map.entry(
              "minimumOffsetDays",
              new Words("smallest shift (days)", "plus petit décalage (jours)")),
          Map.entry(
              "maximumOffsetDays",
              new Words("largest shift (days)", "plus grand décalage (jours)")),
          Map.entry("meanOffsetDays", new Words("mean shift (days)", "décalage moyen (jours)")),
          Map.entry("distinctOffsets", new Words("different shifts", "décalages différents")),
          Map.entry(
              "perRecord", new Words("shift drawn per record", "décalage tiré par enregistrement")),
          Map.entry("sameOffsetAs", new Words("same shift on each row as", "même décalage que")),
          Map.entry("numbersRewritten", new Words("numbers rewritten", "nombres réécrits")),
          Map.entry("datesRewritten", new Words("dates rewritten", "dates réécrites")),
          Map.entry("distinctValues", new Words("different values", "valeurs différentes")),
          Map.entry("separator", new Words("separator", "séparateur")));

  /** The parameter's name in words, in English. */
  public static String en(String name) {
    Words words = WORDS.get(name);
    return words == null ? name : words.en();
  }

  /** The parameter's name in words, in French. */
  public static String fr(String name) {
    Words words = WORDS.get(name);
    return words == null ? name : words.fr();
  }

  /** A parameter's value as a reader wants it: shares as percentages, lists flattened. */
  public static String value(String name, Object value) {
    if (value instanceof Number number
        && (name.endsWith("Share") || name.equals("share") || name.equals("coverage"))) {
      return String.format(Locale.ROOT, "%.1f%%", number.doubleValue() * 100);
    }
    if (value instanceof Boolean flag) {
      return flag ? "yes" : "no";
    }
    if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?>) {
      StringBuilder text = new StringBuilder();
      for (Object entry : list) {
        Map<?, ?> map = (Map<?, ?>) entry;
        if (text.length() > 0) {
          text.append("; ");
        }
        if (map.containsKey("old") && map.containsKey("new")) {
          text.append(map.get("old")).append(" → ").append(map.get("new"));
          if (map.containsKey("rows")) {
            text.append(" (").append(map.get("rows")).append(" rows)");
          }
        } else if (map.containsKey("predicate")) {
          text.append(map.get("predicate"));
          if (map.get("coverage") instanceof Number coverage) {
            text.append(String.format(Locale.ROOT, " (%.1f%%)", coverage.doubleValue() * 100));
          }
        } else {
          text.append(ReportText.value(map));
        }
      }
      return text.toString();
    }
    if (value instanceof List<?> list) {
      return String.join(", ", list.stream().map(String::valueOf).toList());
    }
    return String.valueOf(value);
  }
}
