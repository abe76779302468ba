package org.fabrique.web.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The translated strings of the interface, read from {@code messages_en.properties} and {@code
 * messages_fr.properties} (UTF-8). Placeholders are {@code {0}}, {@code {1}}…; apostrophes need no
 * escaping. A message with plural, select or number arguments ({@code {0, plural, one {# passage}
 * other {# passages}}}) is an ICU MessageFormat pattern, formatted by ICU4J in the language's
 * rules; in those an apostrophe before a brace quotes it.
 */
public final class Messages {
  private final Map<Lang, Properties> bundles = new EnumMap<>(Lang.class);

  private Messages() {}

  /** Loads the bundles shipped with the web module. */
  public static Messages load() {
    Messages messages = new Messages();
    for (Lang lang : Lang.values()) {
      messages.bundles.put(lang, read("messages_" + lang.code() + ".properties"));
    }
    return messages;
  }

  private static Properties read(String name) {
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing message bundle " + name);
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
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
        .format(args);
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
