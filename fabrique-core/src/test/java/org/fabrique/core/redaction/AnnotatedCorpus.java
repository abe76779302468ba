package org.fabrique.core.redaction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fabrique.core.corpus.PlainText;

/**
 * The test corpus of the pseudonymisation assistant: French and English transcripts and notes in
 * which every identifier is annotated {@code [[CATEGORY:text]]}.
 */
final class AnnotatedCorpus {
  static final List<String> FILES =
      List.of(
          "fr-entretien-1.txt",
          "fr-entretien-2.txt",
          "fr-entretien-3.txt",
          "fr-notes-1.txt",
          "en-interview-1.txt",
          "en-interview-2.txt",
          "en-notes-1.txt");

  private static final Pattern ANNOTATION = Pattern.compile("\\[\\[([A-Z]+):(.+?)]]");

  /** An annotated identifier, in code points of the plain text. */
  record Gold(int start, int end, IdentifierCategory category) {}

  /** A text of the corpus without its annotations, and the identifiers it holds. */
  record Document(String name, PlainText text, List<Gold> identifiers) {}

  private AnnotatedCorpus() {}

  static List<Document> all() {
    return FILES.stream().map(AnnotatedCorpus::read).toList();
  }

  static Document read(String name) {
    String raw;
    try (InputStream in = AnnotatedCorpus.class.getResourceAsStream("corpus/" + name)) {
      raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder text = new StringBuilder();
    List<Gold> gold = new ArrayList<>();
    Matcher m = ANNOTATION.matcher(raw);
    int last = 0;
    while (m.find()) {
      text.append(raw, last, m.start());
      int start = text.codePointCount(0, text.length());
      text.append(m.group(2));
      int end = text.codePointCount(0, text.length());
      gold.add(new Gold(start, end, IdentifierCategory.valueOf(m.group(1))));
      last = m.end();
    }
    text.append(raw.substring(last));
    return new Document(name, PlainText.of(text.toString()), gold);
  }
}
