package org.fabrique.diff.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Recognises values replaced by coarser ones: dates by months or years, numbers by bands. */
public final class GeneralisationDetector {
  private static final double REQUIRED_SHARE = 0.9;

  private GeneralisationDetector() {}

  public static Optional<Found> detect(ColumnEvidence evidence) {
    ColumnComparison comparison = evidence.comparison();
    if (comparison.valueChanges < 3) {
      return Optional.empty();
    }
    GeneralisationRule best = null;
    long bestHits = 0;
    for (Map.Entry<GeneralisationRule, Long> entry : comparison.ruleHits.entrySet()) {
      if (entry.getValue() > bestHits) {
        best = entry.getKey();
        bestHits = entry.getValue();
      }
    }
    double share = bestHits / (double) comparison.valueChanges;
    if (best == null
        || share < REQUIRED_SHARE
        // Numbers that only lost trailing zeros were written differently, not rounded.
        || best == GeneralisationRule.NUMBER_ROUNDED && comparison.roundedDecimals.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("rule", best.id());
    int height = best.height();
    String en;
    String fr;
    String column = evidence.column();
    switch (best) {
      case DATE_TO_MONTH -> {
        en = "Dates in " + column + " were generalised to their month.";
        fr = "Les dates de " + column + " ont été généralisées au mois.";
      }
      case DATE_TO_YEAR -> {
        en = "Dates in " + column + " were generalised to their year.";
        fr = "Les dates de " + column + " ont été généralisées à l'année.";
      }
      case NUMBER_TO_BAND -> {
        List<String> bands = new ArrayList<>(comparison.bandLabels.keySet());
        parameters.put("bands", bands);
        widthOf(bands).ifPresent(width -> parameters.put("width", width));
        en =
            "Numbers in "
                + column
                + " were replaced by bands ("
                + String.join(", ", bands.subList(0, Math.min(6, bands.size())))
                + ").";
        fr =
            "Les nombres de "
                + column
                + " ont été remplacés par des classes ("
                + String.join(", ", bands.subList(0, Math.min(6, bands.size())))
                + ").";
      }
      case NUMBER_ROUNDED_DOWN -> {
        int step = mode(comparison.roundingSteps);
        parameters.put("step", step);
        en = "Numbers in " + column + " were rounded down to multiples of " + step + ".";
        fr =
            "Les nombres de " + column + " ont été arrondis au multiple de " + step + " inférieur.";
      }
      case NUMBER_ROUNDED -> {
        int decimals = mode(comparison.roundedDecimals);
        parameters.put("decimals", decimals);
        en =
            "Numbers in "
                + column
                + (decimals == 0
                    ? " were rounded to whole numbers."
                    : " were rounded to "
                        + decimals
                        + " decimal place"
                        + (decimals > 1 ? "s." : "."));
        fr =
            "Les nombres de "
                + column
                + (decimals == 0
                    ? " ont été arrondis à l'entier le plus proche."
                    : " ont été arrondis à "
                        + decimals
                        + " décimale"
                        + (decimals > 1 ? "s." : "."));
      }
      case STRING_TRUNCATED -> {
        int length = mode(comparison.truncatedLengths);
        parameters.put("keptCharacters", length);
        en = "Values in " + column + " were truncated to their first " + length + " characters.";
        fr =
            "Les valeurs de "
                + column
                + " ont été tronquées à leurs "
                + length
                + " premiers caractères.";
      }
      case STRING_SUFFIX_MASKED -> {
        int kept = mode(comparison.maskedKept);
        parameters.put("keptCharacters", kept);
        en =
            "Values in "
                + column
                + " keep their first "
                + kept
                + " characters; the rest is masked.";
        fr =
            "Les valeurs de "
                + column
                + " gardent leurs "
                + kept
                + " premiers caractères ; la suite est masquée.";
      }
      default -> throw new IllegalStateException("Unknown rule " + best);
    }
    parameters.put("explainedShare", Figures.round(share, 4));
    parameters.put("height", height);
    return Optional.of(new Found(best, height, share, parameters, en, fr));
  }

  /** A generalisation and how sure the detector is. */
  public record Found(
      GeneralisationRule rule,
      int height,
      double share,
      Map<String, Object> parameters,
      String summaryEn,
      String summaryFr) {}

  static int mode(Map<Integer, Long> counts) {
    int best = 0;
    long bestCount = -1;
    for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
      if (entry.getValue() > bestCount) {
        best = entry.getKey();
        bestCount = entry.getValue();
      }
    }
    return best;
  }

  /** The common width of closed bands, when all bands have the same one. */
  private static Optional<Double> widthOf(List<String> bands) {
    Double width = null;
    for (String label : bands) {
      Optional<ValueShapes.Band> band = ValueShapes.band(label);
      if (band.isEmpty() || band.get().open()) {
        continue;
      }
      double high = band.get().high();
      // "10-19" covers ten integers; "[10,20)" covers the same ten.
      double span =
          label.strip().endsWith(")") ? high - band.get().low() : high - band.get().low() + 1;
      if (width == null) {
        width = span;
      } else if (width != span) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(width);
  }
}
