package org.fabrique.app.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fabrique.web.i18n.Lang;
import org.fabrique.web.i18n.Messages;

/**
 * English on a French page: the words of the English messages that no French message uses (such as
 * "choose", "without", "settled"), found in what a page shows. The test material of the flows is
 * French, so any of these words in a French page is interface text left in English.
 */
final class EnglishWords {
  private static final Pattern WORD = Pattern.compile("[\\p{L}’']{4,}");

  /**
   * Words of the English messages that are French too: a language's name, loanwords, homographs.
   */
  private static final Set<String> ALSO_FRENCH = Set.of("français", "data", "report", "initial");

  private static final Set<String> WORDS = load();

  private EnglishWords() {}

  private static Set<String> load() {
    Messages messages = Messages.load();
    Set<String> french = new TreeSet<>();
    for (String key : messages.keys(Lang.FR)) {
      french.addAll(words(messages.get(Lang.FR, key)));
    }
    Set<String> english = new TreeSet<>();
    for (String key : messages.keys(Lang.EN)) {
      for (String word : words(messages.get(Lang.EN, key))) {
        if (!french.contains(word) && !ALSO_FRENCH.contains(word)) {
          english.add(word);
        }
      }
    }
    return english;
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    // Placeholders and the keywords of ICU arguments are no words of the message.
    Matcher word =
        WORD.matcher(
            text.replaceAll("\\{\\d+(,\\s*(plural|select|selectordinal|number)\\s*,?)?", " ")
                .replaceAll("\\b(other|one|many|few)\\s*\\{", " "));
    while (word.find()) {
      words.add(word.group().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  /** The English words of this text, each with the line it is in. */
  static List<String> in(String text) {
    return in(text, Set.of());
  }

  /** The English words of this text but those {@code ignored}, each with its line. */
  static List<String> in(String text, Set<String> ignored) {
    List<String> found = new ArrayList<>();
    for (String line : text.split("\n")) {
      for (String word : words(line)) {
        if (WORDS.contains(word) && !ignored.contains(word)) {
          found.add(word + " in \"" + line.strip() + "\"");
        }
      }
    }
    return found;
  }

  /** The English words a French page shows: its text, titles, placeholders and labels. */
  static List<String> onPage(BrowserSession browser) {
    return in(shown(browser));
  }

  /** What a page shows: its text, titles, placeholders and labels. */
  static String shown(BrowserSession browser) {
    return (String)
        browser.script(
            "const attributes = Array.from(document.querySelectorAll("
                + "'[title],[placeholder],[aria-label]'))"
                + ".map(e => [e.title, e.placeholder, e.getAttribute('aria-label')]"
                + ".filter(Boolean).join('\\n'));"
                + "return document.body.innerText + '\\n' + attributes.join('\\n');");
  }

  /** The words of a text, lower-cased, as this check reads them. */
  static Set<String> wordsOf(String text) {
    return new TreeSet<>(words(text));
  }

  /** Messages whose English differs from the French, long enough to be recognised in a page. */
  static Set<String> englishOnlyMessages() {
    Messages messages = Messages.load();
    Set<String> english = new TreeSet<>();
    for (String key : messages.keys(Lang.EN)) {
      String en = messages.get(Lang.EN, key);
      if (en.contains("{") || en.split(" ").length < 3 || en.equals(messages.get(Lang.FR, key))) {
        continue;
      }
      english.add(en);
    }
    return english;
  }

  /** On a French page, notes every English word it shows, with the page's address. */
  static void note(BrowserSession browser, String lang, List<String> english) {
    if (lang.equals("fr")) {
      String where = browser.driver.getCurrentUrl();
      onPage(browser).forEach(word -> english.add(where + ": " + word));
    }
  }
}
