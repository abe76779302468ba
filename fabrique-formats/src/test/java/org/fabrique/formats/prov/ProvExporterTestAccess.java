package org.fabrique.formats.prov;

import org.fabrique.formats.journey.JourneySnapshot;

/** Lets other packages' tests use the sample journey. */
public final class ProvExporterTestAccess {
  private ProvExporterTestAccess() {}

  public static JourneySnapshot sample() {
    return SampleJourney.snapshot();
  }
}
