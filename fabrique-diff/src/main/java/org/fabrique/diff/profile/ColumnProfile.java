package org.fabrique.diff.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.diff.read.CellBatch;
import org.fabrique.diff.read.ValueSyntax;

/**
 * A streaming summary of one column in bounded memory. While the column has at most {@link
 * #DICTIONARY_LIMIT} distinct values, each value gets a small integer code and exact counts (the
 * type of a value is worked out once per distinct value). Past the limit the profile overflows: the
 * dictionary is frozen and only a distinct-value sketch, type counts and a numeric reservoir are
 * kept. A column whose first rows already tell that it will have many more distinct values than
 * that (identifiers, postcodes) is profiled that way from its first value ({@link
 * #BEYOND_DICTIONARY}): filling dictionaries only to give them up took 6 to 8 % of a 300,000-row
 * comparison (decision 0024).
 */
public final class ColumnProfile {
  public static final int DICTIONARY_LIMIT = 1 << 16;

  /** Code returned by {@link #encode} once the dictionary has overflowed. */
  public static final int OVERFLOW = -1;

  /**
   * The distinct values expected of a column whose first rows tell it will have many more than a
   * dictionary holds: a profile made with it keeps no dictionary at all.
   */
  public static final int BEYOND_DICTIONARY = Integer.MAX_VALUE;

  private final String name;

  /** Open addressing from a value's 64-bit hash to its code; -1 marks a free slot. */
  private long[] slotHashes = new long[128];

  private int[] slotCodes = new int[128];

  /**
   * The dictionary's values, as characters end to end ({@code valueEnds[code]} ends a value's):
   * strings are made only for the values asked for ({@link #value}), most of a large column's never
   * are, and a string per value costs three times its characters in fresh memory.
   */
  private char[] chars = new char[512];

  private int charCount;
  private int[] valueEnds = new int[64];
  private int size;

  /** The strings made so far, by code (null until a value is asked for). */
  private volatile String[] strings;

  private long[] hashes = new long[64];
  private long[] counts = new long[64];
  private ValueType[] types = new ValueType[64];
  private boolean overflowed;

  /** Whether the profile kept no dictionary from its first value ({@link #BEYOND_DICTIONARY}). */
  private boolean withoutDictionary;

  private final long[] overflowTypeCounts = new long[ValueType.values().length];
  private DistinctSketch overflowSketch;
  private final NumberReservoir reservoir = new NumberReservoir();

  public ColumnProfile(String name) {
    this(name, 0);
  }

  /**
   * @param expectedValues distinct values the column is expected to have (its dictionary is made
   *     that large at once, up to {@link #DICTIONARY_LIMIT}, rather than grown by doubling): a size
   *     hint, which changes no result; or {@link #BEYOND_DICTIONARY}, for a profile without a
   *     dictionary
   */
  public ColumnProfile(String name, int expectedValues) {
    this.name = name;
    if (expectedValues == BEYOND_DICTIONARY) {
      withoutDictionary = true;
      overflow();
      return;
    }
    int capacity = 64;
    while (capacity < Math.min(expectedValues, DICTIONARY_LIMIT)) {
      capacity *= 2;
    }
    if (capacity > 64) {
      // Room for values of up to twelve characters, the length of most codes and identifiers.
      chars = new char[capacity * 12];
      hashes = new long[capacity];
      counts = new long[capacity];
      types = new ValueType[capacity];
      valueEnds = new int[capacity];
      slotHashes = new long[capacity * 2];
      slotCodes = new int[capacity * 2];
    }
    Arrays.fill(slotCodes, -1);
  }

  public String name() {
    return name;
  }

  /** Counts a value and returns its code, or {@link #OVERFLOW}. */
  public int encode(String value) {
    return encode(value, null, 0, 0, Hashes.of(value), ValueType.of(value));
  }

  /**
   * As {@link #encode(String)}, for a cell of a batch; the cell becomes a string only when it
   * enters the dictionary or the numeric reservoir, and its type is worked out only then or once
   * the dictionary overflowed.
   */
  public int encode(CellBatch batch, int row, int column) {
    return encode(null, batch, row, column, batch.hash(row, column), null);
  }

  /**
   * @param type the value's type, or null to ask the batch for it when needed
   */
  private int encode(
      String text, CellBatch batch, int row, int column, long hash, ValueType knownType) {
    if (!overflowed) {
      int mask = slotCodes.length - 1;
      int slot = slot(hash, mask);
      int code;
      while ((code = slotCodes[slot]) >= 0) {
        // Values are told apart by their 64-bit hash: two of 65,536 values collide with a
        // probability below 1e-9, and not comparing text spares a cache miss per cell.
        if (slotHashes[slot] == hash) {
          counts[code]++;
          return code;
        }
        slot = (slot + 1) & mask;
      }
      if (size < DICTIONARY_LIMIT) {
        slotHashes[slot] = hash;
        slotCodes[slot] = size;
        int added =
            addToDictionary(
                text,
                batch,
                row,
                column,
                hash,
                knownType != null ? knownType : batch.type(row, column));
        if (size * 2 > slotCodes.length) {
          growSlots();
        }
        return added;
      }
      overflow();
    }
    ValueType type = knownType != null ? knownType : batch.type(row, column);
    overflowTypeCounts[type.ordinal()]++;
    if (type != ValueType.EMPTY) {
      overflowSketch.add(hash);
    }
    if (type.isNumeric()) {
      int slot = reservoir.slot();
      if (slot >= 0) {
        reservoir.put(slot, text != null ? ValueSyntax.toDouble(text) : batch.number(row, column));
      }
    }
    return OVERFLOW;
  }

  /**
   * The first slot for a value's hash. The hash is already well mixed ({@link Hashes#finish}): its
   * upper half folded onto the lower one is enough, and spares a finaliser per cell.
   */
  private static int slot(long hash, int mask) {
    return (int) (hash ^ hash >>> 32) & mask;
  }

  private void growSlots() {
    slotHashes = new long[slotHashes.length * 2];
    slotCodes = new int[slotCodes.length * 2];
    Arrays.fill(slotCodes, -1);
    int mask = slotCodes.length - 1;
    for (int code = 0; code < size; code++) {
      int slot = slot(hashes[code], mask);
      while (slotCodes[slot] >= 0) {
        slot = (slot + 1) & mask;
      }
      slotHashes[slot] = hashes[code];
      slotCodes[slot] = code;
    }
  }

  /** Adds the value given as text, or else the batch's cell. */
  private int addToDictionary(
      String text, CellBatch batch, int row, int column, long hash, ValueType type) {
    int code = size;
    if (code == hashes.length) {
      int grown = code * 2;
      hashes = Arrays.copyOf(hashes, grown);
      counts = Arrays.copyOf(counts, grown);
      types = Arrays.copyOf(types, grown);
      valueEnds = Arrays.copyOf(valueEnds, grown);
    }
    int length = text != null ? text.length() : batch.cellLength(row, column);
    if (charCount + length > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + length));
    }
    if (text != null) {
      text.getChars(0, length, chars, charCount);
    } else {
      batch.copyCell(row, column, chars, charCount);
    }
    charCount += length;
    valueEnds[code] = charCount;
    size++;
    hashes[code] = hash;
    counts[code] = 1;
    types[code] = type;
    return code;
  }

  private void overflow() {
    overflowed = true;
    slotHashes = new long[0];
    slotCodes = new int[0];
    overflowSketch = new DistinctSketch();
    for (int code = 0; code < size; code++) {
      overflowTypeCounts[types[code].ordinal()] += counts[code];
      if (types[code] != ValueType.EMPTY) {
        overflowSketch.add(hashes[code]);
      }
      if (types[code].isNumeric()) {
        for (long repeat = 0; repeat < Math.min(counts[code], NumberReservoir.SIZE); repeat++) {
          sampleNumber(code);
        }
      }
    }
  }

  /**
   * Reservoir sampling of a dictionary value; its text is made and parsed only when it enters the
   * reservoir (and not kept: most values of an overflowing column are never asked for).
   */
  private void sampleNumber(int code) {
    int slot = reservoir.slot();
    if (slot >= 0) {
      reservoir.put(slot, number(code));
    }
  }

  /**
   * The code of the value with this hash, or -1 when the dictionary does not hold it (always -1
   * once it overflowed). Counts nothing: safe to call from another thread once encoding is done.
   */
  public int codeOf(long hash) {
    if (overflowed) {
      return -1;
    }
    int mask = slotCodes.length - 1;
    int slot = slot(hash, mask);
    int code;
    while ((code = slotCodes[slot]) >= 0) {
      if (slotHashes[slot] == hash) {
        return code;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  public boolean overflowed() {
    return overflowed;
  }

  /**
   * Whether the profile kept no dictionary from the start ({@link #BEYOND_DICTIONARY}): whoever
   * made it checks, once the column is read, that it did hold more distinct values than a
   * dictionary, as foretold.
   */
  public boolean withoutDictionary() {
    return withoutDictionary;
  }

  /** Number of codes handed out (the dictionary's size, frozen once it overflowed). */
  public int dictionarySize() {
    return size;
  }

  /**
   * The value of a code. Safe from another thread once encoding is done: two threads asking at once
   * may each make the string, and either is kept.
   */
  public String value(int code) {
    String[] made = strings;
    if (made == null || made.length <= code) {
      String[] grown = new String[Math.max(size, made == null ? 0 : made.length * 2)];
      if (made != null) {
        System.arraycopy(made, 0, grown, 0, made.length);
      }
      made = grown;
      strings = made;
    }
    String value = made[code];
    if (value == null) {
      value = text(code);
      made[code] = value;
    }
    return value;
  }

  /** The number a numeric value writes, read from its characters. */
  private double number(int code) {
    int start = code == 0 ? 0 : valueEnds[code - 1];
    return ValueSyntax.toDouble(chars, start, valueEnds[code] - start);
  }

  /** A value's text, made anew from its characters. */
  private String text(int code) {
    int start = code == 0 ? 0 : valueEnds[code - 1];
    return new String(chars, start, valueEnds[code] - start);
  }

  public long hash(int code) {
    return hashes[code];
  }

  public ValueType type(int code) {
    return types[code];
  }

  /** Occurrences of a code (exact only while the dictionary has not overflowed). */
  public long countOf(int code) {
    return counts[code];
  }

  public long count(ValueType type) {
    if (overflowed) {
      return overflowTypeCounts[type.ordinal()];
    }
    long total = 0;
    for (int code = 0; code < size; code++) {
      if (types[code] == type) {
        total += counts[code];
      }
    }
    return total;
  }

  public long blank() {
    return count(ValueType.EMPTY);
  }

  public long nonBlank() {
    long total = 0;
    for (ValueType type : ValueType.values()) {
      if (type != ValueType.EMPTY) {
        total += count(type);
      }
    }
    return total;
  }

  /** The most frequent type among non-blank values; integers mixed with decimals are decimal. */
  public ValueType type() {
    long nonBlank = nonBlank();
    if (nonBlank == 0) {
      return ValueType.EMPTY;
    }
    long integers = count(ValueType.INTEGER);
    long decimals = count(ValueType.DECIMAL);
    if (decimals > 0 && integers + decimals >= nonBlank * 0.99) {
      return ValueType.DECIMAL;
    }
    ValueType best = ValueType.TEXT;
    long bestCount = -1;
    for (ValueType type : ValueType.values()) {
      if (type != ValueType.EMPTY && count(type) > bestCount) {
        best = type;
        bestCount = count(type);
      }
    }
    return best;
  }

  /** Non-blank values that do not have the column's type. */
  public long offTypeCount() {
    ValueType type = type();
    if (type == ValueType.EMPTY) {
      // An empty column has no values, so none of another type.
      return 0;
    }
    long matching = count(type);
    if (type == ValueType.DECIMAL) {
      matching += count(ValueType.INTEGER);
    }
    return nonBlank() - matching;
  }

  public double blankShare() {
    long blank = blank();
    long total = blank + nonBlank();
    return total == 0 ? 0 : blank / (double) total;
  }

  /** Distinct non-blank values: exact within the dictionary, estimated past it. */
  public long distinct() {
    if (overflowed) {
      return Math.max(overflowSketch.estimate(), DICTIONARY_LIMIT);
    }
    long distinct = 0;
    for (int code = 0; code < size; code++) {
      if (types[code] != ValueType.EMPTY) {
        distinct++;
      }
    }
    return distinct;
  }

  public boolean distinctExact() {
    return !overflowed;
  }

  public DistinctSketch sketch() {
    if (overflowed) {
      return overflowSketch;
    }
    DistinctSketch sketch = new DistinctSketch();
    for (int code = 0; code < size; code++) {
      if (types[code] != ValueType.EMPTY) {
        sketch.add(hashes[code]);
      }
    }
    return sketch;
  }

  /** Non-blank value frequencies, when the column has not overflowed. */
  public Optional<Map<String, Long>> frequencies() {
    if (overflowed) {
      return Optional.empty();
    }
    Map<String, Long> frequencies = new LinkedHashMap<>();
    for (int code = 0; code < size; code++) {
      if (types[code] != ValueType.EMPTY) {
        frequencies.put(value(code), counts[code]);
      }
    }
    return Optional.of(frequencies);
  }

  /**
   * Numeric values with their weights, sorted by value: exact from the dictionary, or a uniform
   * reservoir sample (each of weight 1) once it overflowed.
   */
  public WeightedValues numericValues() {
    if (overflowed) {
      double[] sample = reservoir.sorted();
      long[] weights = new long[sample.length];
      Arrays.fill(weights, 1);
      return new WeightedValues(sample, weights);
    }
    List<double[]> pairs = new ArrayList<>();
    for (int code = 0; code < size; code++) {
      if (types[code].isNumeric()) {
        pairs.add(new double[] {number(code), counts[code]});
      }
    }
    pairs.sort((a, b) -> Double.compare(a[0], b[0]));
    double[] sorted = new double[pairs.size()];
    long[] weights = new long[pairs.size()];
    for (int index = 0; index < pairs.size(); index++) {
      sorted[index] = pairs.get(index)[0];
      weights[index] = (long) pairs.get(index)[1];
    }
    return new WeightedValues(sorted, weights);
  }

  /** Sorted values with positive weights. */
  public record WeightedValues(double[] values, long[] weights) {
    public long total() {
      long total = 0;
      for (long weight : weights) {
        total += weight;
      }
      return total;
    }
  }
}
