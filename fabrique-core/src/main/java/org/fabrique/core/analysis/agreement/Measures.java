package org.fabrique.core.analysis.agreement;

import java.util.OptionalDouble;

/**
 * The agreement measures over one set of units.
 *
 * @param units the (weighted) number of units at least two coders coded
 * @param cohensKappa present with exactly two coders
 */
public record Measures(
    double units,
    OptionalDouble percentAgreement,
    OptionalDouble cohensKappa,
    OptionalDouble krippendorffAlpha) {

  static Measures of(ReliabilityData data) {
    return new Measures(
        data.pairableUnits(),
        data.percentAgreement(),
        data.cohensKappa(),
        data.krippendorffAlpha());
  }
}
