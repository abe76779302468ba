package org.fabrique.core.redaction;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** What a value becomes: its pseudonym, its category label or a coarser value. */
final class Replacements {
  private Replacements() {}

  /** The value folded for comparison: accents, case and runs of spaces ignored. */
  static String key(String value) {
    return Normalizer.normalize(value.strip(), Normalizer.Form.NFKD)
        .replaceAll("\\p{M}", "")
        .replaceAll("[’‘]", "'")
        .replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
  }

  /**
   * The replacement of a value under a policy.
   *
   * @param pseudonym the value's pseudonym in the key table
   */
  static String of(CategoryPolicy policy, String value, String pseudonym, IdentifierLists lists) {
    return switch (policy.kind()) {
      case PSEUDONYM -> pseudonym;
      case LABEL -> policy.category().label();
      case GENERALISATION -> generalise(policy, value, lists).orElse(policy.category().label());
    };
  }

  static Optional<String> generalise(CategoryPolicy policy, String value, IdentifierLists lists) {
    return switch (policy.category()) {
      case DATE -> DateText.parse(value).flatMap(date -> date(date, policy.granularity()));
      case AGE -> Optional.of("90+");
      case PLACE ->
          lists
              .town(value.strip())
              .flatMap(town -> town.departement())
              .flatMap(lists::departement)
              .map(
                  d ->
                      policy.granularity() == CategoryPolicy.Granularity.REGION
                          ? d.region()
                          : d.name());
      default -> Optional.empty();
    };
  }

  private static Optional<String> date(
      DateText.Parsed date, CategoryPolicy.Granularity granularity) {
    if (date.year().isEmpty()) {
      return Optional.empty();
    }
    int year = date.year().get();
    if (granularity == CategoryPolicy.Granularity.YEAR) {
      return Optional.of(Integer.toString(year));
    }
    int month = date.month();
    return Optional.of(
        switch (date.style()) {
          case FRENCH -> DateText.FRENCH_MONTHS.get(month - 1) + " " + year;
          case ENGLISH -> DateText.ENGLISH_MONTHS.get(month - 1) + " " + year;
          case ISO -> String.format(Locale.ROOT, "%d-%02d", year, month);
          case NUMERIC -> String.format(Locale.ROOT, "%02d/%d", month, year);
        });
  }
}
