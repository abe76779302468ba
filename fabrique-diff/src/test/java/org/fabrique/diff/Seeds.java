package org.fabrique.diff;

import java.util.concurrent.ThreadLocalRandom;

/** The seed of a randomized test: printed, and replayable with -Dfabrique.seed=N. */
final class Seeds {
  private Seeds() {}

  static long seed() {
    String given = System.getProperty("fabrique.seed");
    long seed =
        given == null || given.isBlank()
            ? ThreadLocalRandom.current().nextLong()
            : Long.parseLong(given.strip());
    System.out.println("fabrique.seed=" + seed + " (replay with -Dfabrique.seed=" + seed + ")");
    return seed;
  }
}
