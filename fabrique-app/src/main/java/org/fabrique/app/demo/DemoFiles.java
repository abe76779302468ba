package org.fabrique.app.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fabrique.core.corpus.PlainText;

/**
 * The files of the demo inquiry (field material and tab-separated lists of what the demo adds) and
 * the passages of the field material they quote.
 */
final class DemoFiles {
  private static final String BASE = "/org/fabrique/app/demo/";

  private DemoFiles() {}

  /** The span of a phrase in a text, in code points; whitespace may differ. */
  static int[] find(PlainText text, String phrase, String file) {
    String[] words = phrase.strip().split("\\s+");
    StringBuilder regex = new StringBuilder();
    for (String word : words) {
      if (regex.length() > 0) {
        regex.append("\\s+");
      }
      regex.append(Pattern.quote(word));
    }
    Matcher matcher = Pattern.compile(regex.toString()).matcher(text.text());
    if (!matcher.find()) {
      throw new IllegalStateException("The demo phrase was not found in " + file + ": " + phrase);
    }
    return new int[] {text.toCodePoint(matcher.start()), text.toCodePoint(matcher.end())};
  }

  /** The lines of a tab-separated resource of the demo, without blank lines and # comments. */
  static List<String[]> rows(String name, int columns) {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] row = line.split("\t", -1);
        if (row.length != columns) {
          throw new IllegalStateException("Bad demo line in " + name + ": " + line);
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** A file of the demo, from the resources of the jar. */
  static InputStream open(String name) {
    InputStream in = DemoFiles.class.getResourceAsStream(BASE + name);
    if (in == null) {
      throw new IllegalStateException("Missing demo resource " + name);
    }
    return in;
  }
}
