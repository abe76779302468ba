package org.fabrique.diff.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.diff.profile.ColumnProfile;
import org.fabrique.diff.report.DetectedIntervention;

/**
 * Recognises bounded random noise added to numbers: edited cells stay numbers, the differences are
 * centred on zero and bounded.
 */
public final class NoiseDetector {
  private NoiseDetector() {}

  /** The standard deviation of the old values. */
  private static double spread(ColumnEvidence evidence) {
    ColumnProfile.WeightedValues values = evidence.oldProfile().numericValues();
    double total = values.total();
    if (total < 2) {
      return Double.POSITIVE_INFINITY;
    }
    double sum = 0;
    double squares = 0;
    for (int index = 0; index < values.values().length; index++) {
      sum += values.values()[index] * values.weights()[index];
      squares += values.values()[index] * values.values()[index] * values.weights()[index];
    }
    double mean = sum / total;
    return Math.sqrt(Math.max(0, squares / total - mean * mean));
  }

  public static Optional<DetectedIntervention> detect(ColumnEvidence evidence) {
    ColumnComparison comparison = evidence.comparison();
    long changes = comparison.valueChanges;
    if (changes < 5 || comparison.numericPairs < 0.9 * changes || evidence.editedShare() < 0.05) {
      return Optional.empty();
    }
    double mean = comparison.sumDifference / comparison.numericPairs;
    double meanAbsolute = comparison.sumAbsoluteDifference / comparison.numericPairs;
    if (Math.abs(mean) > 0.35 * meanAbsolute || meanAbsolute > 0.5 * spread(evidence)) {
      return Optional
          .empty(); // a drift, or values replaced by unrelated ones rather than perturbed
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("maxAbsoluteDifference", Figures.round(comparison.maxAbsoluteDifference, 6));
    parameters.put("meanAbsoluteDifference", Figures.round(meanAbsolute, 6));
    parameters.put("meanDifference", Figures.round(mean, 6));
    parameters.put("maxRelativeDifference", Figures.round(comparison.maxRelativeDifference, 6));
    parameters.put("perturbedShare", Figures.round(evidence.editedShare(), 4));
    String bound = Figures.number(comparison.maxAbsoluteDifference);
    String column = evidence.column();
    double symmetry = meanAbsolute == 0 ? 0 : 1 - Math.abs(mean) / meanAbsolute;
    return Optional.of(
        new DetectedIntervention(
            "noise",
            List.of(column),
            parameters,
            Figures.round(Math.min(1, symmetry * comparison.numericPairs / (double) changes), 3),
            "Random noise of at most ±"
                + bound
                + " was added to "
                + Figures.percent(evidence.editedShare())
                + " of the values in "
                + column
                + ".",
            "Un bruit aléatoire d'au plus ±"
                + bound
                + " a été ajouté à "
                + Figures.pourcent(evidence.editedShare())
                + " des valeurs de "
                + column
                + ".",
            Samples.pairs(comparison, 3)));
  }
}
