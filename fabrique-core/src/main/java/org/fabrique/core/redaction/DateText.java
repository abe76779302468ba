package org.fabrique.core.redaction;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as researchers write them, in French and English: {@code 12/03/2021}, {@code 2021-03-12},
 * {@code 12 mars 2021}, {@code le 1er avril}, {@code March 12, 2021}, {@code mars 2021}. Reads them
 * for detection and for generalisation (to the month or the year).
 */
final class DateText {
  static final List<String> FRENCH_MONTHS =
      List.of(
          "janvier",
          "février",
          "mars",
          "avril",
          "mai",
          "juin",
          "juillet",
          "août",
          "septembre",
          "octobre",
          "novembre",
          "décembre");
  static final List<String> ENGLISH_MONTHS =
      List.of(
          "January",
          "February",
          "March",
          "April",
          "May",
          "June",
          "July",
          "August",
          "September",
          "October",
          "November",
          "December");

  private static final String FR_MONTH =
      "(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre"
          + "|d[ée]cembre)";
  private static final String EN_MONTH =
      "(January|February|March|April|May|June|July|August|September|October|November|December"
          + "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?"
          + "|Dec\\.?)";
  private static final String DAY = "(1er|[12]\\d|3[01]|0?[1-9])";
  private static final String YEAR = "((?:1[89]|20)\\d{2})";

  /** The patterns, most specific first; each names its day, month and year groups. */
  private static final List<Form> FORMS =
      List.of(
          new Form(
              Pattern.compile(
                  "(?<![\\d/.-])"
                      + YEAR
                      + "-(0[1-9]|1[0-2])-"
                      + "(0[1-9]|[12]\\d|3[01])(?![\\d/-])"),
              3,
              2,
              1,
              Style.ISO,
              0.9),
          new Form(
              Pattern.compile(
                  "(?<![\\d/.-])(0?[1-9]|[12]\\d|3[01])[/.](0?[1-9]|1[0-2])[/.]((?:1[89]|20)?\\d{2})(?![\\d/.]\\d)"),
              1,
              2,
              3,
              Style.NUMERIC,
              0.85),
          new Form(
              Pattern.compile("(?iu)\\b" + DAY + "\\s+" + FR_MONTH + "(?:\\s+" + YEAR + ")?\\b"),
              1,
              2,
              3,
              Style.FRENCH,
              0.8),
          new Form(
              Pattern.compile(
                  "(?u)\\b"
                      + EN_MONTH
                      + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+"
                      + YEAR
                      + ")?\\b"),
              2,
              1,
              3,
              Style.ENGLISH,
              0.8),
          new Form(
              Pattern.compile(
                  "(?u)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?"
                      + EN_MONTH
                      + "(?:,?\\s+"
                      + YEAR
                      + ")?\\b"),
              1,
              2,
              3,
              Style.ENGLISH,
              0.8),
          new Form(
              Pattern.compile("(?iu)\\b" + FR_MONTH + "\\s+" + YEAR + "\\b"),
              0,
              1,
              2,
              Style.FRENCH,
              0.6),
          new Form(
              Pattern.compile("(?u)\\b" + EN_MONTH + ",?\\s+" + YEAR + "\\b"),
              0,
              1,
              2,
              Style.ENGLISH,
              0.6));

  enum Style {
    ISO,
    NUMERIC,
    FRENCH,
    ENGLISH
  }

  /** A date as read: the day and year may be missing. */
  record Parsed(Optional<Integer> day, int month, Optional<Integer> year, Style style) {}

  private record Form(
      Pattern pattern,
      int dayGroup,
      int monthGroup,
      int yearGroup,
      Style style,
      double confidence) {}

  private DateText() {}

  /** Every date of a text, as candidates. */
  static void find(String text, List<Candidate> out) {
    for (Form form : FORMS) {
      Matcher m = form.pattern().matcher(text);
      while (m.find()) {
        Optional<Parsed> parsed = read(m, form);
        if (parsed.isEmpty()) {
          continue;
        }
        boolean full = parsed.get().day().isPresent() && parsed.get().year().isPresent();
        double confidence = full ? form.confidence() : Math.min(form.confidence(), 0.65);
        if (parsed.get().day().isPresent() && parsed.get().year().isEmpty()) {
          confidence = 0.55;
        }
        out.add(
            new Candidate(m.start(), m.end(), IdentifierCategory.DATE, Reason.DATE, confidence));
      }
    }
  }

  /** Reads one date written alone (the whole passage). */
  static Optional<Parsed> parse(String passage) {
    String text = passage.strip();
    for (Form form : FORMS) {
      Matcher m = form.pattern().matcher(text);
      if (m.matches() || (m.find() && m.start() == 0 && m.end() == text.length())) {
        return read(m, form);
      }
    }
    return Optional.empty();
  }

  private static Optional<Parsed> read(Matcher m, Form form) {
    Optional<Integer> day =
        form.dayGroup() == 0 || m.group(form.dayGroup()) == null
            ? Optional.empty()
            : Optional.of(Integer.parseInt(m.group(form.dayGroup()).replace("er", "")));
    int month = monthOf(m.group(form.monthGroup()));
    Optional<Integer> year =
        m.group(form.yearGroup()) == null
            ? Optional.empty()
            : Optional.of(fullYear(Integer.parseInt(m.group(form.yearGroup()))));
    if (month < 1 || day.map(d -> d < 1 || d > 31).orElse(false)) {
      return Optional.empty();
    }
    return Optional.of(new Parsed(day, month, year, form.style()));
  }

  private static int fullYear(int year) {
    if (year >= 100) {
      return year;
    }
    return year <= 30 ? 2000 + year : 1900 + year;
  }

  private static int monthOf(String text) {
    if (text.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(text);
    }
    String folded = fold(text).replace(".", "");
    for (int i = 0; i < 12; i++) {
      if (fold(FRENCH_MONTHS.get(i)).equals(folded)
          || fold(ENGLISH_MONTHS.get(i)).startsWith(folded) && folded.length() >= 3) {
        return i + 1;
      }
    }
    return -1;
  }

  private static String fold(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }
}
