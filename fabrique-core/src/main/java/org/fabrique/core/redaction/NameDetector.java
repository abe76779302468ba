package org.fabrique.core.redaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of persons, places and organisations: the inquiry's own names first, then hospitals and
 * organisations by their shape, then runs of capitalised words classified with the name lists and
 * the gazetteer.
 */
final class NameDetector {
  private static final String WORD = "\\p{Lu}[\\p{L}\\p{M}'’-]*";
  private static final String CONNECTOR =
      "(?:de la|de l['’]|de|du|des|d['’]|la|le|les|van der|van|von|der|di|da|del|dos|bin|ben)";
  private static final Pattern WORDS =
      Pattern.compile(
          "(?u)" + WORD + "(?:(?:\\s+" + CONNECTOR + ")?\\s+" + WORD + "|-" + WORD + ")*");
  private static final Pattern SINGLE_WORD = Pattern.compile("(?u)" + WORD);
  private static final String PLACE_NAME =
      "(?:\\s+"
          + CONNECTOR
          + "\\s*|\\s+)?"
          + "(?:"
          + WORD
          + "(?:[\\s-]+(?:"
          + CONNECTOR
          + "[\\s-]*)?"
          + WORD
          + ")*)";
  private static final Pattern HOSPITAL_FIRST =
      Pattern.compile(
          "(?u)\\b(?:CHU|CHRU|CHR|CHI|CH|AP-HP|[Hh]ôpital|[Hh]ôpitaux|[Cc]linique|[Pp]olyclinique"
              + "|[Cc]entre [Hh]ospitalier(?: [Uu]niversitaire| [Rr]égional| [Ii]ntercommunal)?"
              + "|[Gg]roupe [Hh]ospitalier|[Hh]ospices [Cc]ivils|EHPAD|Hospital|Clinic)"
              + PLACE_NAME);
  private static final Pattern HOSPITAL_LAST =
      Pattern.compile(
          "(?u)(?:"
              + WORD
              + "['’]?s?\\s+){1,4}(?:Hospital|Clinic|Infirmary|Medical Cent(?:er|re)"
              + "|Health Cent(?:er|re)|Hospice)\\b");
  private static final Pattern ORGANISATION_FIRST =
      Pattern.compile(
          "(?u)\\b(?:[Ll]aboratoire|[Ll]abo|[Uu]niversité|University of|[Ii]nstitut|Institute of"
              + "|[Éé]cole|[Ff]ondation|Foundation|ARS|[Mm]utuelle|[Ss]ociété|[Cc]abinet)"
              + PLACE_NAME);
  private static final Pattern ORGANISATION_LAST =
      Pattern.compile(
          "(?u)(?:"
              + WORD
              + "\\s+){1,4}(?:University|Institute|Laboratory|Lab|Foundation|College"
              + "|Trust|Inc\\.?|Ltd\\.?)\\b");
  private static final Pattern RESEARCH_UNIT =
      Pattern.compile("(?u)\\b(?:UMR|UMRS|U|Inserm U|INSERM U|Unité|Unit)\\s?\\d{3,4}\\b");
  private static final Pattern TITLE =
      Pattern.compile(
          "(?u)\\b(?:M\\.|MM\\.|Mme|Mmes|Mlle|Madame|Monsieur|Dr\\.?|Docteur|Docteure|Pr\\.?"
              + "|Professeur|Professeure|Mr\\.?|Mrs\\.?|Ms\\.?|Miss|Prof\\.?|Sir|Dame|Maître|Me)"
              + "\\s+("
              + WORD
              + "(?:[\\s-]+"
              + WORD
              + ")*)");
  private static final Set<String> PLACE_PREPOSITIONS =
      Set.of("à", "a", "de", "en", "in", "at", "from", "to", "near", "vers", "sur", "depuis");

  private final IdentifierLists lists;

  NameDetector(IdentifierLists lists) {
    this.lists = lists;
  }

  void find(String text, List<KnownName> known, List<Candidate> out) {
    for (KnownName name : known) {
      findKnown(text, name, out);
    }
    shapes(text, out);
    Matcher title = TITLE.matcher(text);
    while (title.find()) {
      String name = title.group(1);
      if (!lists.isStopWord(name.split("[\\s-]")[0])) {
        out.add(
            new Candidate(
                title.start(1),
                title.end(1),
                IdentifierCategory.PERSON,
                Reason.TITLE_AND_NAME,
                0.88));
      }
    }
    Matcher words = WORDS.matcher(text);
    while (words.find()) {
      classify(text, words.start(), words.end(), out);
    }
  }

  private void shapes(String text, List<Candidate> out) {
    add(HOSPITAL_FIRST, text, IdentifierCategory.HOSPITAL, Reason.HOSPITAL, 0.86, out, true);
    add(HOSPITAL_LAST, text, IdentifierCategory.HOSPITAL, Reason.HOSPITAL, 0.86, out, false);
    add(
        ORGANISATION_FIRST,
        text,
        IdentifierCategory.ORGANISATION,
        Reason.ORGANISATION,
        0.7,
        out,
        true);
    add(
        ORGANISATION_LAST,
        text,
        IdentifierCategory.ORGANISATION,
        Reason.ORGANISATION,
        0.7,
        out,
        false);
    add(RESEARCH_UNIT, text, IdentifierCategory.ORGANISATION, Reason.ORGANISATION, 0.6, out, false);
  }

  /** Each occurrence of a name the inquiry knows, and of its surname alone. */
  private void findKnown(String text, KnownName name, List<Candidate> out) {
    find(text, name.name(), name.reason(), 0.95, out);
    String[] parts = name.name().split("\\s+");
    if (parts.length > 1) {
      String last = parts[parts.length - 1];
      if (last.codePointCount(0, last.length()) >= 3 && !lists.isStopWord(last)) {
        find(text, last, name.reason(), 0.8, out);
      }
    }
  }

  private static void find(
      String text, String value, Reason reason, double confidence, List<Candidate> out) {
    Matcher m = occurrences(value).matcher(text);
    while (m.find()) {
      out.add(new Candidate(m.start(), m.end(), IdentifierCategory.PERSON, reason, confidence));
    }
  }

  /** The occurrences of a value as whole words, in any case, its spaces matching any spaces. */
  static Pattern occurrences(String value) {
    String[] parts = value.strip().split("\\s+");
    StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append("\\s+");
      }
      regex.append(Pattern.quote(parts[i]));
    }
    regex.append("(?![\\p{L}\\p{N}])");
    return Pattern.compile(
        regex.toString(),
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
  }

  /** A run of capitalised words: a person, a town, or nothing. */
  private void classify(String text, int from, int to, List<Candidate> out) {
    List<int[]> words = new ArrayList<>();
    Matcher word = SINGLE_WORD.matcher(text).region(from, to);
    while (word.find()) {
      words.add(new int[] {word.start(), word.end()});
    }
    // Leading stop words ("Le", "The", "Mais") are not part of a name.
    int first = 0;
    while (first < words.size() && lists.isStopWord(slice(text, words.get(first)))) {
      first++;
    }
    if (first == words.size()) {
      return;
    }
    int start = words.get(first)[0];
    boolean sentenceStart = first == 0 && startsSentence(text, start);
    String run = text.substring(start, to);
    String head = slice(text, words.get(first));
    int count = words.size() - first;
    if (lists.town(run).isPresent()) {
      double confidence = PLACE_PREPOSITIONS.contains(previousWord(text, start)) ? 0.85 : 0.72;
      out.add(new Candidate(start, to, IdentifierCategory.PLACE, Reason.TOWN, confidence));
      return;
    }
    if (count >= 2 && isFirstName(head)) {
      out.add(
          new Candidate(start, to, IdentifierCategory.PERSON, Reason.FIRST_NAME_AND_SURNAME, 0.85));
      return;
    }
    if (count >= 2 && lists.isSurname(slice(text, words.get(words.size() - 1)))) {
      out.add(
          new Candidate(start, to, IdentifierCategory.PERSON, Reason.FIRST_NAME_AND_SURNAME, 0.7));
      return;
    }
    for (int i = first; i < words.size(); i++) {
      int[] w = words.get(i);
      String value = slice(text, w);
      boolean atStart = i == first && sentenceStart;
      if (lists.town(value).isPresent()) {
        double confidence = PLACE_PREPOSITIONS.contains(previousWord(text, w[0])) ? 0.8 : 0.6;
        out.add(new Candidate(w[0], w[1], IdentifierCategory.PLACE, Reason.TOWN, confidence));
      } else if (isFirstName(value) && !lists.isStopWord(value)) {
        out.add(
            new Candidate(
                w[0], w[1], IdentifierCategory.PERSON, Reason.FIRST_NAME, atStart ? 0.45 : 0.6));
      } else if (lists.isSurname(value) && !lists.isStopWord(value)) {
        out.add(
            new Candidate(
                w[0], w[1], IdentifierCategory.PERSON, Reason.SURNAME, atStart ? 0.4 : 0.55));
      }
    }
    if (!sentenceStart && !isAcronym(run) && !lists.isStopWord(head)) {
      out.add(new Candidate(start, to, IdentifierCategory.PERSON, Reason.CAPITALISED_WORDS, 0.35));
    }
  }

  private static boolean isAcronym(String run) {
    long capitals = run.chars().filter(Character::isUpperCase).count();
    return run.length() <= 7 && (run.equals(run.toUpperCase(Locale.ROOT)) || capitals >= 2);
  }

  /** A first name, or a compound of first names ("Jean-Marc", "Marie-Claire"). */
  private boolean isFirstName(String word) {
    if (lists.isFirstName(word)) {
      return true;
    }
    String[] parts = word.split("-");
    return parts.length > 1 && Arrays.stream(parts).allMatch(lists::isFirstName);
  }

  /** Whether a word opens a sentence, a line or a speaker's turn. */
  static boolean startsSentence(String text, int index) {
    int i = index - 1;
    while (i >= 0 && " \t«»\"“”'‘(—–-*".indexOf(text.charAt(i)) >= 0) {
      i--;
    }
    return i < 0 || ".!?…\n:;[".indexOf(text.charAt(i)) >= 0;
  }

  private static String previousWord(String text, int index) {
    int end = index;
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
      start--;
    }
    return text.substring(start, end).toLowerCase(Locale.ROOT);
  }

  private static String slice(String text, int[] word) {
    return text.substring(word[0], word[1]);
  }

  private static void add(
      Pattern pattern,
      String text,
      IdentifierCategory category,
      Reason reason,
      double confidence,
      List<Candidate> out,
      boolean needsName) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      if (needsName && m.group().strip().indexOf(' ') < 0 && m.group().indexOf('-') < 0) {
        continue;
      }
      out.add(new Candidate(m.start(), m.end(), category, reason, confidence));
    }
  }
}
