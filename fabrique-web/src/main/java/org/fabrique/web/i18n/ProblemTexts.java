package org.fabrique.web.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Problems in the user's language. Services refuse in English (logs, files, the command line); the
 * web translates a refusal once, at its edge, by recognising the English sentence among the {@code
 * problem.*} messages of the English bundle (their {@code {0}}… stand for the ids and names the
 * sentence carries) and writing the same message of the user's language with those values.
 */
public final class ProblemTexts {
  private record Known(String key, Pattern english, List<Integer> slots, int literal) {}

  private final Messages messages;
  private final List<Known> known = new ArrayList<>();

  public ProblemTexts(Messages messages) {
    this.messages = messages;
    for (String key : messages.keys(Lang.EN)) {
      if (key.startsWith("problem.")) {
        known.add(compile(key, messages.get(Lang.EN, key)));
      }
    }
    // More fixed words first: "There is no coder with login {0}" before "There is no coder {0}",
    // "The query is empty" before "The {0} is empty".
    known.sort((a, b) -> b.literal() - a.literal());
  }

  private static Known compile(String key, String english) {
    Matcher slot = Pattern.compile("\\{(\\d+)\\}").matcher(english);
    StringBuilder regex = new StringBuilder("^");
    List<Integer> slots = new ArrayList<>();
    int at = 0;
    while (slot.find()) {
      regex.append(Pattern.quote(english.substring(at, slot.start()))).append("(.+?)");
      slots.add(Integer.parseInt(slot.group(1)));
      at = slot.end();
    }
    regex.append(Pattern.quote(english.substring(at))).append("$");
    int literal = english.replaceAll("\\{\\d+\\}", "").length();
    return new Known(key, Pattern.compile(regex.toString(), Pattern.DOTALL), slots, literal);
  }

  /** The message in the language, or empty when the sentence is not one of the known problems. */
  public Optional<String> translate(Lang lang, String english) {
    if (english == null) {
      return Optional.empty();
    }
    for (Known k : known) {
      Matcher match = k.english().matcher(english);
      if (match.matches()) {
        Object[] args =
            new Object[k.slots().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
        for (int i = 0; i < k.slots().size(); i++) {
          // A value may itself be a known sentence ("{0} (line 3); nothing was imported").
          String value = match.group(i + 1);
          // A list of known phrases is read part by part before as one phrase, which its commas
          // could make match wrongly ("{0}% read as {1}").
          args[k.slots().get(i)] =
              listed(lang, value).or(() -> translate(lang, value)).orElse(value);
        }
        try {
          return Optional.of(messages.get(lang, k.key(), args));
        } catch (IllegalArgumentException notACount) {
          // A longer message matched with words where it counts ("{0} selections…"): not this one.
          continue;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A value that lists known phrases ("100% read as code points, 0% read as UTF-8 bytes"), each
   * written again in the language; empty unless every one is known.
   */
  private Optional<String> listed(Lang lang, String value) {
    if (!value.contains(", ")) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    for (String part : value.split(", ")) {
      Optional<String> known = translate(lang, part);
      if (known.isEmpty()) {
        return Optional.empty();
      }
      parts.add(known.get());
    }
    return Optional.of(String.join(", ", parts));
  }

  /** The message in the language when known, else the sentence as it came. */
  public String inLanguage(Lang lang, String english) {
    if (lang == Lang.EN || english == null) {
      return english;
    }
    // Several refusals joined in one detail ("Unknown filter a: …; b takes one date") are
    // written again one by one when each is known; else the detail is one sentence.
    if (english.contains("; ")) {
      List<String> parts = new ArrayList<>();
      for (String part : english.split("; ")) {
        translate(lang, part).ifPresent(parts::add);
      }
      if (parts.size() == english.split("; ").length) {
        return String.join(" ; ", parts);
      }
    }
    return translate(lang, english).orElse(english);
  }
}
