package org.fabrique.formats.refi;

/**
 * What a project archive may hold before it is refused as a possible zip bomb.
 *
 * @param maxEntries the number of entries
 * @param maxTotalBytes the total uncompressed size of all entries
 * @param maxEntryBytes the uncompressed size of one entry (REFI-QDA allows 2^31 - 1 bytes)
 * @param maxRatio how many times its compressed size an entry may expand to (checked for entries
 *     above one megabyte, since tiny files compress well)
 */
public record ArchiveLimits(int maxEntries, long maxTotalBytes, long maxEntryBytes, int maxRatio) {
  public static final ArchiveLimits DEFAULT =
      new ArchiveLimits(20_000, 8L * 1024 * 1024 * 1024, Integer.MAX_VALUE, 200);

  static final long RATIO_THRESHOLD = 1024 * 1024;
}
