package org.fabrique.diff.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.diff.read.ValueSyntax;
import org.fabrique.diff.report.DetectedIntervention;

/**
 * Recognises values blanked or masked ({@code *}, {@code <5}), and says when the masked values were
 * the rare ones (small cells) or the small numbers.
 */
public final class SuppressionDetector {
  private SuppressionDetector() {}

  public static Optional<DetectedIntervention> detect(ColumnEvidence evidence) {
    ColumnComparison comparison = evidence.comparison();
    if (comparison.blanked == 0) {
      return Optional.empty();
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("cells", comparison.blanked);
    double share =
        evidence.comparedNonBlank() == 0 ? 0 : comparison.blanked / evidence.comparedNonBlank();
    parameters.put("share", Figures.round(share, 4));
    String mask = "";
    long maskCount = -1;
    for (Map.Entry<String, Long> entry : comparison.masks.entrySet()) {
      if (entry.getValue() > maskCount) {
        mask = entry.getKey();
        maskCount = entry.getValue();
      }
    }
    parameters.put("mask", mask);
    String reasonEn = "";
    String reasonFr = "";
    Optional<List<CodeMapping.Fate>> fates = CodeMapping.of(evidence);
    if (fates.isPresent()) {
      long maxSuppressedFrequency = -1;
      long minKeptFrequency = Long.MAX_VALUE;
      double maxSuppressedNumber = Double.NEGATIVE_INFINITY;
      double minKeptNumber = Double.POSITIVE_INFINITY;
      boolean allNumbers = true;
      for (CodeMapping.Fate fate : fates.get()) {
        boolean numeric = ValueSyntax.isNumber(fate.oldValue());
        allNumbers &= numeric;
        if (fate.masked() > 0 && fate.masked() == fate.total()) {
          maxSuppressedFrequency = Math.max(maxSuppressedFrequency, fate.oldFrequency());
          if (numeric) {
            maxSuppressedNumber =
                Math.max(maxSuppressedNumber, ValueSyntax.toDouble(fate.oldValue()));
          }
        } else if (fate.masked() == 0) {
          minKeptFrequency = Math.min(minKeptFrequency, fate.oldFrequency());
          if (numeric) {
            minKeptNumber = Math.min(minKeptNumber, ValueSyntax.toDouble(fate.oldValue()));
          }
        }
      }
      if (allNumbers
          && maxSuppressedNumber > Double.NEGATIVE_INFINITY
          && maxSuppressedNumber < minKeptNumber
          && minKeptNumber < Double.POSITIVE_INFINITY) {
        parameters.put("maskedBelow", minKeptNumber);
        reasonEn =
            " Every number below " + Figures.number(minKeptNumber) + " was masked (small counts).";
        reasonFr =
            " Tous les nombres inférieurs à "
                + Figures.number(minKeptNumber)
                + " ont été masqués (petits effectifs).";
      } else if (maxSuppressedFrequency >= 0
          && maxSuppressedFrequency < minKeptFrequency
          && minKeptFrequency < Long.MAX_VALUE) {
        // The threshold itself is not seen: only that it lies between these two counts.
        parameters.put("largestMaskedCount", maxSuppressedFrequency);
        parameters.put("smallestKeptCount", minKeptFrequency);
        if (minKeptFrequency == maxSuppressedFrequency + 1) {
          parameters.put("rareBelow", minKeptFrequency);
        }
        reasonEn =
            " The values masked were the rare ones: each occurred at most "
                + maxSuppressedFrequency
                + " times, while every value kept occurs at least "
                + minKeptFrequency
                + " times"
                + (minKeptFrequency == maxSuppressedFrequency + 1
                    ? " (values occurring fewer than " + minKeptFrequency + " times were masked)."
                    : "; the threshold lies between.");
        reasonFr =
            " Les valeurs masquées étaient les rares : chacune présente au plus "
                + maxSuppressedFrequency
                + " fois, quand toute valeur gardée l'est au moins "
                + minKeptFrequency
                + " fois"
                + (minKeptFrequency == maxSuppressedFrequency + 1
                    ? " (les valeurs présentes moins de "
                        + minKeptFrequency
                        + " fois ont été masquées)."
                    : " ; le seuil est entre les deux.");
      }
    }
    String column = evidence.column();
    String shown = mask.isEmpty() ? "blanked" : "masked as '" + mask + "'";
    String montre = mask.isEmpty() ? "effacées" : "masquées par « " + mask + " »";
    double confidence =
        comparison.blanked
            / (double)
                Math.max(1, comparison.blanked + comparison.valueChanges + comparison.filled);
    return Optional.of(
        new DetectedIntervention(
            "suppression",
            List.of(column),
            parameters,
            Figures.round(0.5 + 0.5 * confidence, 3),
            comparison.blanked
                + " values of "
                + column
                + " ("
                + Figures.percent(share)
                + ") were "
                + shown
                + "."
                + reasonEn,
            comparison.blanked
                + " valeurs de "
                + column
                + " ("
                + Figures.pourcent(share)
                + ") ont été "
                + montre
                + "."
                + reasonFr,
            Samples.pairs(comparison, 3)));
  }
}
