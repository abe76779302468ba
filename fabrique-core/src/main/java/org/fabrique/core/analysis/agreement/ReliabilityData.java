package org.fabrique.core.analysis.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reliability data: units, each with the value every coder gave it (or none), and a weight that
 * counts how many identical units it stands for (a run of characters is one weighted unit). Values
 * are nominal categories numbered from 0; {@link #MISSING} marks a coder who gave no value.
 *
 * <p>The measures are written in docs/analysis.md: percent agreement, Cohen's kappa (two coders)
 * and Krippendorff's alpha for nominal data (any number of coders, missing values allowed). The
 * data are accumulated, never stored, so that millions of characters fit in constant memory.
 */
public final class ReliabilityData {
  /** The value of a coder who did not code the unit. */
  public static final int MISSING = -1;

  private final int coders;

  /** Coincidences o(c,k), keyed c * 2^32 + k. */
  private final Map<Long, Double> coincidences = new HashMap<>();

  /** Two-coder contingency counts, keyed as the coincidences; only kept for two coders. */
  private final Map<Long, Double> contingency = new LinkedHashMap<>();

  private double pairableUnits;
  private double agreeingUnits;

  public ReliabilityData(int coders) {
    if (coders < 2) {
      throw new IllegalArgumentException("Agreement needs at least two coders");
    }
    this.coders = coders;
  }

  public int coders() {
    return coders;
  }

  /** Adds one unit with a weight of 1. */
  public ReliabilityData add(int... values) {
    return addWeighted(1, values);
  }

  /**
   * Adds a unit standing for {@code weight} identical units.
   *
   * @param values one value per coder, {@link #MISSING} where a coder gave none
   */
  public ReliabilityData addWeighted(double weight, int... values) {
    if (values.length != coders) {
      throw new IllegalArgumentException(
          "A unit needs one value per coder: " + coders + ", not " + values.length);
    }
    if (weight <= 0) {
      return this;
    }
    int present = 0;
    for (int value : values) {
      if (value != MISSING) {
        present++;
      }
    }
    if (present < 2) {
      return this; // a unit coded by fewer than two coders cannot be compared
    }
    pairableUnits += weight;
    boolean agree = true;
    int first = MISSING;
    for (int value : values) {
      if (value == MISSING) {
        continue;
      }
      if (first == MISSING) {
        first = value;
      } else if (value != first) {
        agree = false;
      }
    }
    if (agree) {
      agreeingUnits += weight;
    }
    double share = weight / (present - 1);
    for (int i = 0; i < values.length; i++) {
      for (int j = 0; j < values.length; j++) {
        if (i != j && values[i] != MISSING && values[j] != MISSING) {
          coincidences.merge(key(values[i], values[j]), share, Double::sum);
        }
      }
    }
    if (coders == 2) {
      contingency.merge(key(values[0], values[1]), weight, Double::sum);
    }
    return this;
  }

  /** Adds everything another accumulator of the same coders holds (pooling). */
  public ReliabilityData addAll(ReliabilityData other) {
    if (other.coders != coders) {
      throw new IllegalArgumentException("Pooled data must have the same coders");
    }
    other.coincidences.forEach((k, v) -> coincidences.merge(k, v, Double::sum));
    other.contingency.forEach((k, v) -> contingency.merge(k, v, Double::sum));
    pairableUnits += other.pairableUnits;
    agreeingUnits += other.agreeingUnits;
    return this;
  }

  /** The (weighted) number of units that at least two coders coded. */
  public double pairableUnits() {
    return pairableUnits;
  }

  /** The share of pairable units on which every coder who coded them gave the same value. */
  public OptionalDouble percentAgreement() {
    return pairableUnits == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(agreeingUnits / pairableUnits);
  }

  /**
   * Cohen's kappa, (p_o - p_e) / (1 - p_e), over the units both coders coded. Empty with more than
   * two coders, without units, or when chance agreement is total (p_e = 1).
   */
  public OptionalDouble cohensKappa() {
    if (coders != 2) {
      return OptionalDouble.empty();
    }
    double total = 0;
    double observed = 0;
    Map<Integer, Double> first = new HashMap<>();
    Map<Integer, Double> second = new HashMap<>();
    for (Map.Entry<Long, Double> cell : contingency.entrySet()) {
      int a = (int) (cell.getKey() >> 32);
      int b = (int) (long) cell.getKey();
      if (a == MISSING || b == MISSING) {
        continue;
      }
      double n = cell.getValue();
      total += n;
      if (a == b) {
        observed += n;
      }
      first.merge(a, n, Double::sum);
      second.merge(b, n, Double::sum);
    }
    if (total == 0) {
      return OptionalDouble.empty();
    }
    double expected = 0;
    for (Map.Entry<Integer, Double> marginal : first.entrySet()) {
      expected += marginal.getValue() / total * second.getOrDefault(marginal.getKey(), 0.0) / total;
    }
    double chance = 1 - expected;
    if (chance <= 1e-12) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((observed / total - expected) / chance);
  }

  /**
   * Krippendorff's alpha for nominal data: 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k.
   * Empty when fewer than two values are pairable or when only one category occurs (no variation).
   */
  public OptionalDouble krippendorffAlpha() {
    Map<Integer, Double> marginals = new HashMap<>();
    double disagreeing = 0;
    for (Map.Entry<Long, Double> cell : coincidences.entrySet()) {
      int c = (int) (cell.getKey() >> 32);
      int k = (int) (long) cell.getKey();
      marginals.merge(c, cell.getValue(), Double::sum);
      if (c != k) {
        disagreeing += cell.getValue();
      }
    }
    double n = marginals.values().stream().mapToDouble(Double::doubleValue).sum();
    if (n <= 1) {
      return OptionalDouble.empty();
    }
    double sum = 0;
    double sumOfSquares = 0;
    for (double nc : marginals.values()) {
      sum += nc;
      sumOfSquares += nc * nc;
    }
    double expectedDisagreeing = sum * sum - sumOfSquares; // sum over c != k of n_c * n_k
    if (expectedDisagreeing <= 1e-12) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(1 - (n - 1) * disagreeing / expectedDisagreeing);
  }

  /** The coincidence matrix o(c,k), by category, for the documentation and the tests. */
  public Map<List<Integer>, Double> coincidenceMatrix() {
    Map<List<Integer>, Double> matrix = new LinkedHashMap<>();
    List<Long> keys = new ArrayList<>(coincidences.keySet());
    long[] sorted = keys.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    for (long k : sorted) {
      matrix.put(List.of((int) (k >> 32), (int) k), coincidences.get(k));
    }
    return matrix;
  }

  private static long key(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }
}
