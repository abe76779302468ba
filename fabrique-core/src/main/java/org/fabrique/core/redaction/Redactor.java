package org.fabrique.core.redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.SourceId;

/**
 * Applies an inquiry's accepted redactions under an export profile: to the plain text of a source
 * (by position, with positions remapped), and to free text written about the material (memos,
 * notes, element descriptions) by value, longest value first so that overlapping names are never
 * mangled. Built once per export by {@link RedactionService#redactor}.
 */
public final class Redactor {
  /** An accepted value and what it becomes under the profile. */
  record Value(String value, String replacement) {}

  private final ExportProfile profile;
  private final Map<SourceId, List<RedactedText.Replacement>> bySource;
  private final List<Value> values;
  private final Pattern anyValue;
  private final Map<String, String> replacementByKey;

  Redactor(
      ExportProfile profile,
      Map<SourceId, List<RedactedText.Replacement>> bySource,
      List<Value> values) {
    this.profile = profile;
    this.bySource = bySource;
    List<Value> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.comparingInt((Value v) -> v.value().length()).reversed());
    this.values = List.copyOf(sorted);
    this.replacementByKey = new java.util.HashMap<>();
    StringBuilder regex = new StringBuilder();
    for (Value v : this.values) {
      replacementByKey.putIfAbsent(Replacements.key(v.value()), v.replacement());
      if (regex.length() > 0) {
        regex.append('|');
      }
      regex.append(NameDetector.occurrences(v.value()).pattern());
    }
    this.anyValue =
        regex.length() == 0
            ? null
            : Pattern.compile(
                regex.toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
  }

  /** A redactor that changes nothing (the internal profile). */
  public static Redactor none() {
    return new Redactor(ExportProfile.INTERNAL, Map.of(), List.of());
  }

  public ExportProfile profile() {
    return profile;
  }

  /** The text of a source as it leaves under the profile, with the map of positions. */
  public RedactedText text(SourceId source, PlainText text) {
    return RedactedText.apply(text, bySource.getOrDefault(source, List.of()));
  }

  /** Free text (a memo, a note, a description, a quote) with every accepted value replaced. */
  public String freeText(String text) {
    if (anyValue == null || text == null || text.isEmpty()) {
      return text;
    }
    Matcher m = anyValue.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String replacement = replacementByKey.getOrDefault(Replacements.key(m.group()), m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Free text with every accepted value replaced, as {@link #freeText(String)} does, with the map
   * of its positions: a passage of the free text (a search hit in a memo) is found in the output.
   */
  public RedactedText freeText(PlainText text) {
    if (anyValue == null || text.length() == 0) {
      return RedactedText.unchanged(text);
    }
    List<RedactedText.Replacement> found = new ArrayList<>();
    Matcher m = anyValue.matcher(text.text());
    while (m.find()) {
      String replacement = replacementByKey.getOrDefault(Replacements.key(m.group()), m.group());
      found.add(
          new RedactedText.Replacement(
              text.toCodePoint(m.start()), text.toCodePoint(m.end()), replacement));
    }
    return RedactedText.apply(text, found);
  }

  /** How many values the profile replaces. */
  public int valueCount() {
    return values.size();
  }

  /** How many passages of a source the profile replaces. */
  public int passageCount(SourceId source) {
    return bySource.getOrDefault(source, List.of()).size();
  }
}
