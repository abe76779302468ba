package org.fabrique.core.analysis.agreement;

import static org.fabrique.core.analysis.agreement.ReliabilityData.MISSING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReliabilityDataTest {
  private static final int M = MISSING;

  /**
   * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
   * twelve units, nominal values 1-5 with missing values. Published alpha = 0.743.
   */
  @Test
  void krippendorffsOwnNominalExampleGivesPointSevenFourThree() {
    int[][] byCoder = {
      {1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M},
      {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3},
      {M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M},
      {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M}
    };
    ReliabilityData data = new ReliabilityData(4);
    for (int unit = 0; unit < 12; unit++) {
      data.add(byCoder[0][unit], byCoder[1][unit], byCoder[2][unit], byCoder[3][unit]);
    }
    assertEquals(0.743, data.krippendorffAlpha().getAsDouble(), 0.0005);
    // the paper's marginals n_c: 9, 13, 10, 5, 3 (n = 40); unit 12 has one value and is dropped
    double[] marginals = new double[6];
    data.coincidenceMatrix().forEach((pair, count) -> marginals[pair.get(0)] += count);
    assertEquals(9, marginals[1], 1e-9);
    assertEquals(13, marginals[2], 1e-9);
    assertEquals(10, marginals[3], 1e-9);
    assertEquals(5, marginals[4], 1e-9);
    assertEquals(3, marginals[5], 1e-9);
    assertEquals(11, data.pairableUnits(), 1e-9);
    // units 1, 3, 4, 5, 7, 9, 10, 11 are unanimous among those who coded them (2, 6, 8 are not)
    assertEquals(8.0 / 11, data.percentAgreement().getAsDouble(), 1e-9);
    assertTrue(data.cohensKappa().isEmpty(), "kappa is for two coders");
  }

  /** Krippendorff (2011), section A: two observers, ten units, binary data; alpha = 0.095. */
  @Test
  void krippendorffsBinaryTwoObserverExampleGivesPointZeroNineFive() {
    int[] a = {0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
    int[] b = {1, 1, 1, 0, 0, 1, 0, 0, 0, 0};
    ReliabilityData data = new ReliabilityData(2);
    for (int i = 0; i < a.length; i++) {
      data.add(a[i], b[i]);
    }
    assertEquals(0.095, data.krippendorffAlpha().getAsDouble(), 0.0005);
    assertEquals(0.6, data.percentAgreement().getAsDouble(), 1e-9);
    // p_o = .6, p_e = .8 * .6 + .2 * .4 = .56, kappa = .04 / .44
    assertEquals(0.04 / 0.44, data.cohensKappa().getAsDouble(), 1e-9);
  }

  /** The textbook 2x2 table (20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no): kappa = 0.4. */
  @Test
  void cohensKappaOfTheTextbookTableIsPointFour() {
    ReliabilityData data = table(20, 5, 10, 15);
    assertEquals(0.7, data.percentAgreement().getAsDouble(), 1e-9);
    assertEquals(0.4, data.cohensKappa().getAsDouble(), 1e-9);
  }

  /** Two tables with the same 60 % agreement and different marginals give different kappas. */
  @Test
  void cohensKappaDependsOnTheMarginals() {
    assertEquals(0.1304, table(45, 15, 25, 15).cohensKappa().getAsDouble(), 0.00005);
    assertEquals(0.2593, table(25, 35, 5, 35).cohensKappa().getAsDouble(), 0.00005);
  }

  @Test
  void weightedUnitsCountAsThatManyIdenticalUnits() {
    ReliabilityData weighted = new ReliabilityData(2).addWeighted(20, 1, 1).addWeighted(5, 1, 0);
    weighted.addWeighted(10, 0, 1).addWeighted(15, 0, 0);
    ReliabilityData unrolled = table(20, 5, 10, 15);
    assertEquals(
        unrolled.krippendorffAlpha().getAsDouble(),
        weighted.krippendorffAlpha().getAsDouble(),
        1e-12);
    assertEquals(unrolled.cohensKappa().getAsDouble(), weighted.cohensKappa().getAsDouble(), 1e-12);
  }

  @Test
  void poolingAddsTheCoincidencesOfBothParts() {
    ReliabilityData first = table(20, 5, 0, 0);
    ReliabilityData second = table(0, 0, 10, 15);
    ReliabilityData pooled = new ReliabilityData(2).addAll(first).addAll(second);
    assertEquals(
        table(20, 5, 10, 15).krippendorffAlpha().getAsDouble(),
        pooled.krippendorffAlpha().getAsDouble(),
        1e-12);
  }

  @Test
  void measuresAreUndefinedWithoutVariationOrWithoutPairs() {
    ReliabilityData same = new ReliabilityData(2).addWeighted(7, 0, 0);
    assertEquals(1.0, same.percentAgreement().getAsDouble());
    assertTrue(same.krippendorffAlpha().isEmpty());
    assertTrue(same.cohensKappa().isEmpty());
    ReliabilityData lonely = new ReliabilityData(3).add(1, M, M);
    assertTrue(lonely.percentAgreement().isEmpty());
    assertTrue(lonely.krippendorffAlpha().isEmpty());
  }

  @Test
  void perfectAgreementWithVariationGivesOne() {
    ReliabilityData data = new ReliabilityData(3).add(0, 0, 0).add(1, 1, 1).add(2, 2, M);
    assertEquals(1.0, data.krippendorffAlpha().getAsDouble(), 1e-12);
    assertEquals(1.0, data.percentAgreement().getAsDouble(), 1e-12);
  }

  private static ReliabilityData table(int yesYes, int yesNo, int noYes, int noNo) {
    ReliabilityData data = new ReliabilityData(2);
    for (int i = 0; i < yesYes; i++) {
      data.add(1, 1);
    }
    for (int i = 0; i < yesNo; i++) {
      data.add(1, 0);
    }
    for (int i = 0; i < noYes; i++) {
      data.add(0, 1);
    }
    for (int i = 0; i < noNo; i++) {
      data.add(0, 0);
    }
    return data;
  }
}
