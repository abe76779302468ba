package org.fabrique.diff.profile;

/**
 * What the first rows of a table foretell of a column's distinct values: how large to make its
 * dictionary at once, or that it will have far more values than a dictionary holds ({@link
 * ColumnProfile#BEYOND_DICTIONARY}). A forecast sizes memory and chooses how a column is profiled;
 * whoever acts on it checks it once the column is read (TableComparison).
 */
public final class DistinctForecast {
  private DistinctForecast() {}

  /**
   * How far beyond the dictionary's limit a column's distinct values must be expected to go for its
   * profile to keep none: an estimate from the first rows is off by a few percent when they are
   * like the rest, and this margin spares a column that ends near the limit a second reading (a
   * forecast proved wrong has the comparison made again with dictionaries).
   */
  private static final double BEYOND_MARGIN = 1.25;

  /**
   * The distinct values a column is expected to have, from its profile on the first rows of the
   * table: at least as many as they hold (the passes read them again); as many as the table's rows,
   * up to the dictionary's limit, when every value of the first rows was different; {@link
   * ColumnProfile#BEYOND_DICTIONARY} when the first rows are a small part of the table and their
   * values, drawn as they were, would make the whole column's well beyond the dictionary's limit.
   *
   * @param sampled the rows the first rows' profile counted
   * @param expectedRows the table's expected rows
   */
  public static int expectedValues(ColumnProfile firstRows, long sampled, long expectedRows) {
    int seen = firstRows.dictionarySize();
    long nonBlank = firstRows.nonBlank();
    if (seen > 1_000 && !firstRows.overflowed() && sampled * 4 <= expectedRows) {
      double rows = expectedRows * (nonBlank / (double) sampled);
      if (expectedDistinct(firstRows.distinct(), nonBlank, rows)
          > ColumnProfile.DICTIONARY_LIMIT * BEYOND_MARGIN) {
        return ColumnProfile.BEYOND_DICTIONARY;
      }
    }
    if (seen > 1_000 && seen >= sampled) {
      return (int) Math.min(ColumnProfile.DICTIONARY_LIMIT, Math.max(seen, expectedRows));
    }
    return seen;
  }

  /**
   * The distinct values expected among {@code rows} values when the first {@code drawn} held {@code
   * seen}, all drawn alike from one set: the set's size {@code n} is the one for which {@code
   * drawn} draws give {@code seen} values on average, {@code n (1 - exp(-drawn / n))}, and {@code
   * rows} draws then give {@code n (1 - exp(-rows / n))}. Every value different so far: as many as
   * the rows.
   */
  static double expectedDistinct(long seen, long drawn, double rows) {
    if (seen >= drawn) {
      return rows;
    }
    double low = seen;
    double high = seen;
    while (distinctAmong(high, drawn) < seen) {
      low = high;
      high *= 2;
    }
    for (int step = 0; step < 60; step++) {
      double middle = (low + high) / 2;
      if (distinctAmong(middle, drawn) < seen) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return distinctAmong(high, rows);
  }

  /** Distinct values expected among {@code draws} uniform draws from a set of {@code size}. */
  private static double distinctAmong(double size, double draws) {
    return size * -Math.expm1(-draws / size);
  }
}
