package org.fabrique.diff.dictionary;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses choice lists: REDCap's {@code 1, Yes | 0, No} and codebook forms such as {@code 1=Yes;
 * 0=No}.
 */
final class Choices {
  private Choices() {}

  static List<AllowedValue> parse(String text) {
    if (text.isBlank()) {
      return List.of();
    }
    String separator = text.contains("|") ? "\\|" : text.contains(";") ? ";" : "\\n";
    List<AllowedValue> choices = new ArrayList<>();
    for (String part : text.split(separator)) {
      String item = part.strip();
      if (item.isEmpty()) {
        continue;
      }
      int split = splitAt(item);
      if (split < 0) {
        choices.add(new AllowedValue(item, item));
      } else {
        choices.add(
            new AllowedValue(item.substring(0, split).strip(), item.substring(split + 1).strip()));
      }
    }
    return choices;
  }

  private static int splitAt(String item) {
    int comma = item.indexOf(',');
    int equals = item.indexOf('=');
    if (comma < 0) {
      return equals;
    }
    return equals < 0 ? comma : Math.min(comma, equals);
  }
}
