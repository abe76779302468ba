package org.fabrique.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The files {@link Messages} reads into one bundle a language: a key is in one file only (else the
 * file read last would silently win), once, and every language has every key.
 */
class MessageFilesTest {
  private static final List<String> FILES = List.of("messages", "reports");

  /** A file's keys; those written twice in it go to {@code twice}. */
  private static Set<String> keys(String file, Lang lang, List<String> twice) {
    String name = file + "_" + lang.code() + ".properties";
    Properties read =
        new Properties() {
          private static final long serialVersionUID = 1L;

          @Override
          public synchronized Object put(Object key, Object value) {
            if (containsKey(key)) {
              twice.add(name + ": " + key);
            }
            return super.put(key, value);
          }
        };
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      read.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TreeSet<>(read.stringPropertyNames());
  }

  @Test
  void noKeyIsInTwoFilesOfALanguageNorTwiceInOne() {
    List<String> twice = new ArrayList<>();
    for (Lang lang : Lang.values()) {
      Set<String> seen = new TreeSet<>();
      for (String file : FILES) {
        for (String key : keys(file, lang, twice)) {
          if (!seen.add(key)) {
            twice.add(file + "_" + lang.code() + ".properties and another file: " + key);
          }
        }
      }
    }
    assertEquals(List.of(), twice);
  }

  @Test
  void everyFileHasTheSameKeysInEveryLanguage() {
    List<String> twice = new ArrayList<>();
    for (String file : FILES) {
      Set<String> english = keys(file, Lang.EN, twice);
      for (Lang lang : Lang.values()) {
        Set<String> missing = new TreeSet<>(english);
        Set<String> theirs = keys(file, lang, twice);
        missing.removeAll(theirs);
        Set<String> extra = new TreeSet<>(theirs);
        extra.removeAll(english);
        assertEquals(Set.of(), missing, file + "_" + lang.code() + " lacks keys of English");
        assertEquals(Set.of(), extra, file + "_" + lang.code() + " has keys English lacks");
      }
    }
  }
}
