package org.fabrique.core.redaction;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers with a recognisable shape: e-mail addresses, web addresses, telephone numbers, NIR
 * and IBAN (only with valid check digits), dates, ages of 90 or more and postal addresses.
 */
final class PatternDetector {
  private static final Pattern EMAIL =
      Pattern.compile("(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.[A-Za-z]{2,}(?![\\w-])");
  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"«»]+");
  private static final Pattern FRENCH_PHONE =
      Pattern.compile(
          "(?<![\\d+])(?:\\+33\\s?(?:\\(0\\)\\s?)?|0033\\s?|0)[1-9](?:[\\s.-]?\\d{2}){4}(?!\\d)");
  private static final Pattern OTHER_PHONE =
      Pattern.compile(
          "(?<![\\d+])(?:\\+(?:44|1|32|41|49|34|39|352)[\\s.-]?(?:\\(0\\)\\s?)?\\(?\\d{1,4}\\)?"
              + "(?:[\\s.-]?\\d{2,4}){2,3}|\\(\\d{3}\\)\\s?\\d{3}[\\s.-]\\d{4}"
              + "|0\\d{2,4}\\s\\d{3,4}\\s\\d{3,4})(?!\\d)");
  private static final Pattern NIR =
      Pattern.compile(
          "(?<![\\dA-Za-z])[1-478]\\s?\\d{2}\\s?(?:0[1-9]|1[0-2]|[2-9]\\d)\\s?(?:\\d{2}|2[AB])"
              + "\\s?\\d{3}\\s?\\d{3}\\s?\\d{2}(?!\\d)");
  private static final Pattern IBAN =
      Pattern.compile("\\b[A-Z]{2}\\d{2}(?:\\s?[A-Z0-9]{4}){2,7}(?:\\s?[A-Z0-9]{1,4})?\\b");
  private static final Pattern FRENCH_AGE =
      Pattern.compile("(?iu)(?<![\\d,.])(\\d{2,3})\\s*ans\\b");
  private static final Pattern ENGLISH_AGE =
      Pattern.compile(
          "(?iu)(?:\\baged?\\s+(\\d{2,3})\\b|(?<![\\d,.])(\\d{2,3})(?:[\\s-]years?[\\s-]old\\b"
              + "|-year-old\\b|\\s+years\\s+of\\s+age\\b))");
  private static final String STREET_TYPES =
      "rue|avenue|av\\.|boulevard|bd|place|all[ée]e|impasse|chemin|route|quai|cours|square"
          + "|passage|faubourg|cit[ée]|r[ée]sidence|lotissement|sentier|villa|hameau";
  private static final String NAME_WORDS =
      "(?:\\s+(?:de|du|des|la|le|les|l['’]|d['’]|aux?|en|sur|sous|et|saint|sainte"
          + "|[\\p{Lu}\\d][\\p{L}\\d'’.-]*))+";
  private static final Pattern FRENCH_ADDRESS =
      Pattern.compile(
          "(?iu)(?<![\\d\\p{L}])\\d{1,4}(?:\\s?(?:bis|ter|quater|[a-c]))?,?\\s+(?:"
              + STREET_TYPES
              + ")(?-i)"
              + NAME_WORDS
              + "(?:,?\\s*\\d{5}\\s+\\p{Lu}[\\p{L}'’-]*(?:[\\s-]\\p{Lu}[\\p{L}'’-]*)*)?");
  private static final Pattern POSTCODE_AND_TOWN =
      Pattern.compile(
          "(?u)(?<!\\d)(?:[0-8]\\d|9[0-8])\\d{3}\\s+\\p{Lu}[\\p{L}'’-]*(?:[\\s-]\\p{Lu}[\\p{L}'’-]*)*");
  private static final Pattern ENGLISH_ADDRESS =
      Pattern.compile(
          "(?u)(?<![\\d\\p{L}])\\d{1,5}[A-Z]?,?\\s+(?:\\p{Lu}[\\p{L}'’-]*\\s+){1,4}(?:Street|St\\.?"
              + "|Road|Rd\\.?|Avenue|Ave\\.?|Lane|Drive|Boulevard|Blvd\\.?|Court|Place|Square"
              + "|Terrace|Way|Close|Crescent|Gardens|Grove|Row|Mews)\\b"
              + "(?:,?\\s*[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}\\b)?");
  private static final Pattern UK_POSTCODE =
      Pattern.compile("\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[A-Z]{2}\\b");

  private PatternDetector() {}

  static void find(String text, List<Candidate> out) {
    add(EMAIL, text, IdentifierCategory.EMAIL, Reason.EMAIL, 0.98, out);
    Matcher url = URL.matcher(text);
    while (url.find()) {
      int end = url.end();
      while (end > url.start() && ".,;:!?)]'’".indexOf(text.charAt(end - 1)) >= 0) {
        end--;
      }
      out.add(new Candidate(url.start(), end, IdentifierCategory.URL, Reason.URL, 0.9));
    }
    add(FRENCH_PHONE, text, IdentifierCategory.PHONE, Reason.PHONE, 0.9, out);
    add(OTHER_PHONE, text, IdentifierCategory.PHONE, Reason.PHONE, 0.75, out);
    Matcher nir = NIR.matcher(text);
    while (nir.find()) {
      if (IdentifierChecks.validNir(nir.group())) {
        out.add(new Candidate(nir.start(), nir.end(), IdentifierCategory.NIR, Reason.NIR, 0.97));
      }
    }
    Matcher iban = IBAN.matcher(text);
    while (iban.find()) {
      if (IdentifierChecks.validIban(iban.group())) {
        out.add(
            new Candidate(iban.start(), iban.end(), IdentifierCategory.IBAN, Reason.IBAN, 0.97));
      }
    }
    ages(FRENCH_AGE, text, out);
    ages(ENGLISH_AGE, text, out);
    DateText.find(text, out);
    add(FRENCH_ADDRESS, text, IdentifierCategory.ADDRESS, Reason.ADDRESS, 0.9, out);
    add(ENGLISH_ADDRESS, text, IdentifierCategory.ADDRESS, Reason.ADDRESS, 0.9, out);
    add(POSTCODE_AND_TOWN, text, IdentifierCategory.ADDRESS, Reason.ADDRESS, 0.7, out);
    add(UK_POSTCODE, text, IdentifierCategory.ADDRESS, Reason.ADDRESS, 0.8, out);
  }

  /** Ages of 90 or more (younger ages do not identify anyone); the span is the number. */
  private static void ages(Pattern pattern, String text, List<Candidate> out) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      int group = m.group(1) != null ? 1 : 2;
      if (m.groupCount() < group || m.group(group) == null) {
        continue;
      }
      int age = Integer.parseInt(m.group(group));
      if (age >= 90 && age <= 125) {
        out.add(
            new Candidate(
                m.start(group), m.end(group), IdentifierCategory.AGE, Reason.AGE_OVER_89, 0.85));
      }
    }
  }

  private static void add(
      Pattern pattern,
      String text,
      IdentifierCategory category,
      Reason reason,
      double confidence,
      List<Candidate> out) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      int end = m.end();
      while (end > m.start() && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      out.add(new Candidate(m.start(), end, category, reason, confidence));
    }
  }
}
