package org.fabrique.formats.text;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link TikaTextExtractor} accepts before it refuses a file. Every limit protects the import
 * from a file that is too large, hostile or pathological; none of them truncates silently.
 *
 * @param maxFileBytes the largest file read, in bytes
 * @param maxTextCharacters the most characters of text one file may yield
 * @param timeLimit the longest one file may take to read
 * @param maxZipEntries the most entries a zip-based document (docx, odt, epub) may hold
 * @param maxZipUncompressedBytes the most bytes all entries of a zip-based document may inflate to
 * @param maxZipCompressionRatio the highest ratio of inflated to compressed bytes of one entry
 *     (only checked once the entry has inflated to more than a mebibyte)
 */
public record ExtractionLimits(
    long maxFileBytes,
    int maxTextCharacters,
    Duration timeLimit,
    int maxZipEntries,
    long maxZipUncompressedBytes,
    int maxZipCompressionRatio) {

  public static final long DEFAULT_MAX_FILE_BYTES = 200L * 1024 * 1024;
  public static final int DEFAULT_MAX_TEXT_CHARACTERS = 20_000_000;
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(120);
  public static final int DEFAULT_MAX_ZIP_ENTRIES = 10_000;
  public static final long DEFAULT_MAX_ZIP_UNCOMPRESSED_BYTES = 1024L * 1024 * 1024;
  public static final int DEFAULT_MAX_ZIP_COMPRESSION_RATIO = 100;

  public ExtractionLimits {
    Objects.requireNonNull(timeLimit, "timeLimit");
    requirePositive(maxFileBytes, "maxFileBytes");
    requirePositive(maxTextCharacters, "maxTextCharacters");
    requirePositive(maxZipEntries, "maxZipEntries");
    requirePositive(maxZipUncompressedBytes, "maxZipUncompressedBytes");
    requirePositive(maxZipCompressionRatio, "maxZipCompressionRatio");
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("timeLimit must be positive: " + timeLimit);
    }
  }

  /** 200 MB per file, 20 million characters of text, two minutes, and zip limits against bombs. */
  public static ExtractionLimits defaults() {
    return new ExtractionLimits(
        DEFAULT_MAX_FILE_BYTES,
        DEFAULT_MAX_TEXT_CHARACTERS,
        DEFAULT_TIME_LIMIT,
        DEFAULT_MAX_ZIP_ENTRIES,
        DEFAULT_MAX_ZIP_UNCOMPRESSED_BYTES,
        DEFAULT_MAX_ZIP_COMPRESSION_RATIO);
  }

  public ExtractionLimits withMaxFileBytes(long bytes) {
    return new ExtractionLimits(
        bytes,
        maxTextCharacters,
        timeLimit,
        maxZipEntries,
        maxZipUncompressedBytes,
        maxZipCompressionRatio);
  }

  public ExtractionLimits withMaxTextCharacters(int characters) {
    return new ExtractionLimits(
        maxFileBytes,
        characters,
        timeLimit,
        maxZipEntries,
        maxZipUncompressedBytes,
        maxZipCompressionRatio);
  }

  public ExtractionLimits withTimeLimit(Duration limit) {
    return new ExtractionLimits(
        maxFileBytes,
        maxTextCharacters,
        limit,
        maxZipEntries,
        maxZipUncompressedBytes,
        maxZipCompressionRatio);
  }

  public ExtractionLimits withZipLimits(int entries, long uncompressedBytes, int compressionRatio) {
    return new ExtractionLimits(
        maxFileBytes, maxTextCharacters, timeLimit, entries, uncompressedBytes, compressionRatio);
  }

  private static void requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
