package org.fabrique.web.i18n;

import com.ibm.icu.text.MessagePattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The translated strings of the interface, read from {@code messages_en.properties} and {@code
 * messages_fr.properties} (UTF-8), with the problems of the REFI-QDA exchange and of backups from
 * {@code reports_en.properties} and {@code reports_fr.properties}. Placeholders are {@code {0}},
 * {@code {1}}…; apostrophes need no escaping. A message with plural, select or number arguments
 * ({@code {0, plural, one {# passage} other {# passages}}}) is an ICU MessageFormat pattern,
 * formatted by ICU4J in the language's rules; in those an apostrophe before a brace quotes it.
 */
public final class Messages {
  private final Map<Lang, Properties> bundles = new EnumMap<>(Lang.class);
  private volatile ProblemTexts problems;

  private Messages() {}

  /** The files of a language's messages, {@code NAME_LANG.properties}; no key is in two. */
  private static final List<String> FILES = List.of("messages", "reports");

  /** Loads the bundles shipped with the web module. */
  public static Messages load() {
    Messages messages = new Messages();
    for (Lang lang : Lang.values()) {
      Properties bundle = new Properties();
      for (String file : FILES) {
        read(file + "_" + lang.code() + ".properties", bundle);
      }
      messages.bundles.put(lang, bundle);
    }
    return messages;
  }

  private static void read(String name, Properties into) {
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing message bundle " + name);
      }
      into.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message for a key; the key itself, in brackets, when it is missing. */
  public String get(Lang lang, String key, Object... args) {
    String pattern = bundles.get(lang).getProperty(key);
    if (pattern == null) {
      pattern = bundles.get(Lang.EN).getProperty(key, "[" + key + "]");
    }
    if (args.length == 0) {
      return pattern;
    }
    return isIcu(pattern) ? icu(lang, pattern, args) : fill(pattern, args);
  }

  private static boolean isIcu(String pattern) {
    return pattern.contains(", plural,")
        || pattern.contains(", select,")
        || pattern.contains(", selectordinal,")
        || pattern.contains(", number");
  }

  private static String icu(Lang lang, String pattern, Object[] args) {
    return new com.ibm.icu.text.MessageFormat(
            pattern, com.ibm.icu.util.ULocale.forLanguageTag(lang.code()))
        .format(counted(pattern, args));
  }

  /**
   * The arguments, those a plural or a number reads given as numbers when they come as digits (a
   * count read back from an English sentence by {@link ProblemTexts}).
   */
  private static Object[] counted(String pattern, Object[] args) {
    Object[] values = args.clone();
    MessagePattern parsed = new MessagePattern(pattern);
    for (int i = 0; i < parsed.countParts(); i++) {
      MessagePattern.Part part = parsed.getPart(i);
      boolean numeric =
          part.getType() == MessagePattern.Part.Type.ARG_START
              && part.getArgType() != MessagePattern.ArgType.NONE
              && part.getArgType() != MessagePattern.ArgType.SELECT;
      if (!numeric || parsed.getPart(i + 1).getType() != MessagePattern.Part.Type.ARG_NUMBER) {
        continue;
      }
      int index = parsed.getPart(i + 1).getValue();
      if (index < values.length
          && values[index] instanceof String digits
          && digits.matches("-?\\d{1,18}")) {
        values[index] = Long.parseLong(digits);
      }
    }
    return values;
  }

  /**
   * A problem a service wrote in English, in the language: the same {@code problem.*} message of
   * the language's bundle when the sentence is one of them, else the sentence as it came.
   */
  public String problem(Lang lang, String english) {
    ProblemTexts texts = problems;
    if (texts == null) {
      texts = new ProblemTexts(this);
      problems = texts;
    }
    return texts.inLanguage(lang, english);
  }

  /**
   * The forms of a message with one plural argument, for a script to choose among by the count
   * ({@code Intl.PluralRules} follows the same CLDR rules as ICU): each plural keyword of the
   * pattern ({@code one}, {@code other}…) with its whole message, the argument's {@code #} written
   * {@code {n}} for the script to fill. A message without a plural has one form, {@code other}.
   */
  public Map<String, String> pluralForms(Lang lang, String key) {
    String pattern = bundles.get(lang).getProperty(key);
    if (pattern == null) {
      pattern = bundles.get(Lang.EN).getProperty(key, "[" + key + "]");
    }
    Map<String, String> forms = new java.util.LinkedHashMap<>();
    if (!pattern.contains(", plural,")) {
      forms.put("other", pattern);
      return forms;
    }
    MessagePattern parsed = new MessagePattern(pattern);
    for (int i = 0; i < parsed.countParts(); i++) {
      MessagePattern.Part start = parsed.getPart(i);
      if (start.getType() != MessagePattern.Part.Type.ARG_START
          || start.getArgType() != MessagePattern.ArgType.PLURAL) {
        continue;
      }
      String argument = parsed.getSubstring(parsed.getPart(i + 1));
      int limit = parsed.getLimitPartIndex(i);
      String before = pattern.substring(0, start.getIndex());
      String after = pattern.substring(parsed.getPart(limit).getLimit());
      int at = i + 2;
      while (at < limit) {
        MessagePattern.Part selector = parsed.getPart(at);
        if (selector.getType() != MessagePattern.Part.Type.ARG_SELECTOR) {
          at++;
          continue;
        }
        int messageStart = at + 1;
        while (parsed.getPart(messageStart).getType() != MessagePattern.Part.Type.MSG_START) {
          messageStart++;
        }
        int messageLimit = parsed.getLimitPartIndex(messageStart);
        String body =
            pattern.substring(
                parsed.getPart(messageStart).getLimit(), parsed.getPart(messageLimit).getIndex());
        forms.put(
            parsed.getSubstring(selector),
            before + body.replace("#", "{" + argument + "}") + after);
        at = messageLimit + 1;
      }
      return forms;
    }
    forms.put("other", pattern);
    return forms;
  }

  /** Whether a key exists in the language's bundle. */
  public boolean has(Lang lang, String key) {
    return bundles.get(lang).containsKey(key);
  }

  /** The keys of a language's bundle, sorted. */
  public Set<String> keys(Lang lang) {
    Set<String> keys = new TreeSet<>();
    bundles.get(lang).stringPropertyNames().forEach(keys::add);
    return keys;
  }

  private static String fill(String pattern, Object[] args) {
    StringBuilder out = new StringBuilder(pattern.length() + 16);
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int close = c == '{' ? pattern.indexOf('}', i) : -1;
      if (close > i + 1) {
        String index = pattern.substring(i + 1, close);
        if (index.chars().allMatch(Character::isDigit)) {
          int n = Integer.parseInt(index);
          out.append(n < args.length ? String.valueOf(args[n]) : "");
          i = close + 1;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }
}
