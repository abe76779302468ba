package org.fabrique.core.redaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.SpeakerTurn;

/**
 * The identifier suggestion engine: finds passages of a French or English text that may identify
 * someone, each with a category, a reason and a confidence. It suggests; the researcher decides.
 *
 * <p>Where two findings overlap, the more confident one is kept (a whole postal address rather than
 * the town in it, "Marie Dupont" rather than "Marie").
 */
public final class IdentifierDetector {
  private final NameDetector names;
  private final IdentifierLists lists;

  public IdentifierDetector(IdentifierLists lists) {
    this.names = new NameDetector(lists);
    this.lists = lists;
  }

  /** The detector on the lists shipped with Fabrique. */
  public static IdentifierDetector bundled() {
    return new IdentifierDetector(IdentifierLists.bundled());
  }

  /**
   * The suggestions for a text, in order of position, without overlaps.
   *
   * @param known names the inquiry already knows, looked for first
   */
  public List<Suggestion> detect(PlainText text, List<KnownName> known) {
    String value = text.text();
    List<Candidate> candidates = new ArrayList<>();
    PatternDetector.find(value, candidates);
    names.find(value, known, candidates);
    List<Candidate> kept = resolve(candidates);
    List<Suggestion> suggestions = new ArrayList<>(kept.size());
    for (Candidate c : kept) {
      suggestions.add(
          new Suggestion(
              text.toCodePoint(c.from()),
              text.toCodePoint(c.to()),
              c.category(),
              c.reason(),
              c.confidence()));
    }
    return suggestions;
  }

  /**
   * The speakers of a transcript whose labels look like names ("Claire Morvan", "M. Dupont"), not
   * roles or codes ("Interviewer", "Enquêtrice", "P3").
   */
  public List<KnownName> speakers(List<SpeakerTurn> turns) {
    return turns.stream()
        .map(t -> t.speaker().strip())
        .distinct()
        .filter(this::looksLikeName)
        .map(s -> new KnownName(s, Reason.SPEAKER))
        .toList();
  }

  private boolean looksLikeName(String speaker) {
    if (speaker.length() < 2 || speaker.chars().anyMatch(Character::isDigit)) {
      return false;
    }
    List<String> words =
        Arrays.stream(speaker.split("[\\s.]+"))
            .filter(w -> w.length() >= 2 && Character.isUpperCase(w.codePointAt(0)))
            .filter(w -> !lists.isStopWord(w))
            .toList();
    if (words.size() == 1) {
      String word = words.get(0);
      return lists.isFirstName(word) || lists.isSurname(word) || speaker.contains(".");
    }
    return !words.isEmpty();
  }

  /** Keeps the most confident (then the longest) of overlapping candidates. */
  private static List<Candidate> resolve(List<Candidate> candidates) {
    List<Candidate> ordered = new ArrayList<>(candidates);
    ordered.removeIf(c -> c.to() <= c.from());
    ordered.sort(
        Comparator.comparingDouble(Candidate::confidence)
            .reversed()
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.to() - c.from()).reversed())
            .thenComparingInt(Candidate::from));
    // Kept candidates never overlap: the one starting last before a candidate's end is the only
    // one that can overlap it.
    TreeMap<Integer, Candidate> kept = new TreeMap<>();
    for (Candidate candidate : ordered) {
      Map.Entry<Integer, Candidate> before = kept.lowerEntry(candidate.to());
      if (before == null || !before.getValue().overlaps(candidate)) {
        kept.put(candidate.from(), candidate);
      }
    }
    return new ArrayList<>(kept.values());
  }
}
