package org.fabrique.diff.detect;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.diff.profile.ColumnProfile;
import org.fabrique.diff.profile.ColumnProfile.WeightedValues;

/**
 * Compares the distribution of a column in the two versions: Kolmogorov–Smirnov and Wasserstein
 * distance for numbers, Jensen–Shannon divergence for categories.
 */
public final class DistributionShiftDetector {
  private static final double KS_THRESHOLD = 0.1;
  private static final double KS_P_VALUE = 0.001;
  private static final double JS_THRESHOLD = 0.05;
  private static final int MINIMUM_VALUES = 30;

  private DistributionShiftDetector() {}

  public static Optional<DetectedShift> detect(
      String column, ColumnProfile oldProfile, ColumnProfile newProfile) {
    if (oldProfile.type().isNumeric() && newProfile.type().isNumeric()) {
      return numeric(column, oldProfile.numericValues(), newProfile.numericValues());
    }
    if (oldProfile.distinct() > 0.5 * oldProfile.nonBlank()
        || newProfile.distinct() > 0.5 * newProfile.nonBlank()) {
      return Optional.empty(); // identifiers: every value is rare, their distribution means nothing
    }
    Optional<Map<String, Long>> oldFrequencies = oldProfile.frequencies();
    Optional<Map<String, Long>> newFrequencies = newProfile.frequencies();
    if (oldFrequencies.isEmpty() || newFrequencies.isEmpty()) {
      return Optional.empty();
    }
    return categorical(column, oldFrequencies.get(), newFrequencies.get());
  }

  /** A shift with the statistic that shows it. */
  public record DetectedShift(
      String column, String method, Map<String, Object> parameters, double strength) {}

  static Optional<DetectedShift> numeric(
      String column, WeightedValues old, WeightedValues replacement) {
    long oldTotal = old.total();
    long newTotal = replacement.total();
    if (oldTotal < MINIMUM_VALUES || newTotal < MINIMUM_VALUES) {
      return Optional.empty();
    }
    double statistic = 0;
    double wasserstein = 0;
    int i = 0;
    int j = 0;
    double oldCumulative = 0;
    double newCumulative = 0;
    double previous = Math.min(old.values()[0], replacement.values()[0]);
    while (i < old.values().length || j < replacement.values().length) {
      double next;
      if (j >= replacement.values().length
          || (i < old.values().length && old.values()[i] <= replacement.values()[j])) {
        next = old.values()[i];
      } else {
        next = replacement.values()[j];
      }
      wasserstein += Math.abs(oldCumulative - newCumulative) * (next - previous);
      while (i < old.values().length && old.values()[i] == next) {
        oldCumulative += old.weights()[i++] / (double) oldTotal;
      }
      while (j < replacement.values().length && replacement.values()[j] == next) {
        newCumulative += replacement.weights()[j++] / (double) newTotal;
      }
      statistic = Math.max(statistic, Math.abs(oldCumulative - newCumulative));
      previous = next;
    }
    double effective =
        Math.min(oldTotal, 4096)
            * (double) Math.min(newTotal, 4096)
            / (Math.min(oldTotal, 4096) + Math.min(newTotal, 4096));
    double pValue =
        kolmogorovSurvival((Math.sqrt(effective) + 0.12 + 0.11 / Math.sqrt(effective)) * statistic);
    if (statistic < KS_THRESHOLD || pValue > KS_P_VALUE) {
      return Optional.empty();
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("method", "kolmogorov-smirnov");
    parameters.put("statistic", Figures.round(statistic, 4));
    parameters.put("pValue", pValue < 1e-12 ? 0.0 : Figures.round(pValue, 12));
    parameters.put("wasserstein", Figures.round(wasserstein, 6));
    return Optional.of(new DetectedShift(column, "kolmogorov-smirnov", parameters, statistic));
  }

  /** P(K > x) for the Kolmogorov distribution. */
  static double kolmogorovSurvival(double x) {
    if (x < 0.2) {
      return 1;
    }
    double sum = 0;
    for (int k = 1; k <= 100; k++) {
      sum += (k % 2 == 1 ? 1 : -1) * Math.exp(-2.0 * k * k * x * x);
    }
    return Math.max(0, Math.min(1, 2 * sum));
  }

  static Optional<DetectedShift> categorical(
      String column, Map<String, Long> old, Map<String, Long> replacement) {
    long oldTotal = old.values().stream().mapToLong(Long::longValue).sum();
    long newTotal = replacement.values().stream().mapToLong(Long::longValue).sum();
    if (oldTotal < MINIMUM_VALUES || newTotal < MINIMUM_VALUES) {
      return Optional.empty();
    }
    Set<String> values = new HashSet<>(old.keySet());
    values.addAll(replacement.keySet());
    double divergence = 0;
    for (String value : values) {
      double p = old.getOrDefault(value, 0L) / (double) oldTotal;
      double q = replacement.getOrDefault(value, 0L) / (double) newTotal;
      double m = (p + q) / 2;
      if (p > 0) {
        divergence += 0.5 * p * Math.log(p / m) / Math.log(2);
      }
      if (q > 0) {
        divergence += 0.5 * q * Math.log(q / m) / Math.log(2);
      }
    }
    if (divergence < JS_THRESHOLD) {
      return Optional.empty();
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("method", "jensen-shannon");
    parameters.put("divergence", Figures.round(divergence, 4));
    return Optional.of(new DetectedShift(column, "jensen-shannon", parameters, divergence));
  }
}
