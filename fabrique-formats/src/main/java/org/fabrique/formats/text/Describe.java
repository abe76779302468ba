package org.fabrique.formats.text;

import java.time.Duration;
import java.util.Locale;

/** Quantities written for the messages researchers read: "250 MB", "2 minutes", "10,000". */
final class Describe {
  private static final long KIB = 1024;
  private static final long MIB = KIB * 1024;
  private static final long GIB = MIB * 1024;

  private Describe() {}

  static String bytes(long bytes) {
    if (bytes < KIB) {
      return bytes == 1 ? "1 byte" : bytes + " bytes";
    }
    if (bytes < MIB) {
      return scaled(bytes, KIB, "KB");
    }
    if (bytes < GIB) {
      return scaled(bytes, MIB, "MB");
    }
    return scaled(bytes, GIB, "GB");
  }

  static String duration(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds == 0) {
      return duration.toMillis() + " ms";
    }
    if (seconds % 60 == 0) {
      long minutes = seconds / 60;
      return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
    return seconds == 1 ? "1 second" : seconds + " seconds";
  }

  static String count(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  private static String scaled(long bytes, long unit, String name) {
    double value = (double) bytes / unit;
    if (value < 10 && bytes % unit != 0) {
      return String.format(Locale.ROOT, "%.1f %s", value, name);
    }
    return String.format(Locale.ROOT, "%d %s", bytes / unit, name);
  }
}
