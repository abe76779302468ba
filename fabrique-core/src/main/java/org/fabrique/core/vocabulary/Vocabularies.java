package org.fabrique.core.vocabulary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vocabularies shipped as resource files {@code org/fabrique/core/vocabulary/NAME.csv}. Each
 * file starts with comment lines naming the vocabulary, its version and its source, then a CSV
 * header {@code id,iri,label_en,label_fr,mappings}; mappings are {@code key=value} pairs separated
 * by semicolons.
 */
public final class Vocabularies {
  private static final String FOLDER = "/org/fabrique/core/vocabulary/";
  private static final Vocabularies BUNDLED = load();

  private final Map<VocabularyName, Vocabulary> byName;

  private Vocabularies(Map<VocabularyName, Vocabulary> byName) {
    this.byName = byName;
  }

  /** The vocabularies shipped with Fabrique, read once. */
  public static Vocabularies bundled() {
    return BUNDLED;
  }

  public Vocabulary get(VocabularyName name) {
    return byName.get(name);
  }

  private static Vocabularies load() {
    Map<VocabularyName, Vocabulary> all = new EnumMap<>(VocabularyName.class);
    for (VocabularyName name : VocabularyName.values()) {
      String path = FOLDER + name.id() + ".csv";
      try (InputStream in = Vocabularies.class.getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("Missing vocabulary resource " + path);
        }
        all.put(name, parse(name.id(), in));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read vocabulary " + path, e);
      }
    }
    return new Vocabularies(all);
  }

  /** Reads a vocabulary file; the name it declares must be the one expected. */
  static Vocabulary parse(String expectedName, InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Map<String, String> meta = new LinkedHashMap<>();
    List<Term> terms = new ArrayList<>();
    boolean header = true;
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.startsWith("#")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          meta.put(line.substring(1, colon).strip(), line.substring(colon + 1).strip());
        }
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = CsvLine.split(line);
      if (header) {
        if (!cells.equals(List.of("id", "iri", "label_en", "label_fr", "mappings"))) {
          throw new IllegalStateException(
              "Vocabulary " + expectedName + " has an unexpected header at line " + number);
        }
        header = false;
        continue;
      }
      if (cells.size() != 5) {
        throw new IllegalStateException(
            "Vocabulary " + expectedName + " has " + cells.size() + " cells at line " + number);
      }
      terms.add(
          new Term(cells.get(0), cells.get(1), cells.get(2), cells.get(3), mappings(cells.get(4))));
    }
    String name = meta.getOrDefault("fabrique-vocabulary", "");
    String version = meta.getOrDefault("version", "");
    if (!name.equals(expectedName) || version.isEmpty()) {
      throw new IllegalStateException(
          "Vocabulary file " + expectedName + " must declare its name and version");
    }
    return new Vocabulary(name, version, meta.getOrDefault("source", ""), terms);
  }

  private static Map<String, String> mappings(String cell) {
    Map<String, String> mappings = new LinkedHashMap<>();
    for (String pair : cell.split(";")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        mappings.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
      }
    }
    return mappings;
  }
}
