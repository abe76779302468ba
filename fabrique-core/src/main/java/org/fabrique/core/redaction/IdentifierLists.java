package org.fabrique.core.redaction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The name and place lists the assistant looks words up in, shipped as versioned resource files
 * {@code org/fabrique/core/redaction/*} (see the NOTICE there for their sources and licences).
 * Lookups accept a word as written or in capitals ({@code DUPONT} finds {@code Dupont}).
 */
public final class IdentifierLists {
  private static final String FOLDER = "/org/fabrique/core/redaction/";
  private static final IdentifierLists BUNDLED = load();

  /** A town of the gazetteer: its country and, in France, its département. */
  public record Town(String name, String country, Optional<String> departement) {}

  /** A French département and its région. */
  public record Departement(String code, String name, String region) {}

  private final Set<String> firstNames;
  private final Set<String> surnames;
  private final Set<String> stopWords;
  private final Map<String, Town> towns;
  private final Map<String, Departement> departements;
  private final Map<String, String> versions;

  private IdentifierLists(
      Set<String> firstNames,
      Set<String> surnames,
      Set<String> stopWords,
      Map<String, Town> towns,
      Map<String, Departement> departements,
      Map<String, String> versions) {
    this.firstNames = firstNames;
    this.surnames = surnames;
    this.stopWords = stopWords;
    this.towns = towns;
    this.departements = departements;
    this.versions = versions;
  }

  /** The lists shipped with Fabrique, read once. */
  public static IdentifierLists bundled() {
    return BUNDLED;
  }

  public boolean isFirstName(String word) {
    return contains(firstNames, word);
  }

  public boolean isSurname(String word) {
    return contains(surnames, word);
  }

  /** A capitalised word that is not an identifier (function words, months, titles…). */
  public boolean isStopWord(String word) {
    return stopWords.contains(word) || stopWords.contains(titleCase(word));
  }

  public Optional<Town> town(String name) {
    Town town = towns.get(name);
    if (town == null && name.equals(name.toUpperCase(Locale.ROOT))) {
      town = towns.get(titleCase(name));
    }
    return Optional.ofNullable(town);
  }

  public Optional<Departement> departement(String code) {
    return Optional.ofNullable(departements.get(code));
  }

  /** The version of each list file, by file name, for reports and documentation. */
  public Map<String, String> versions() {
    return versions;
  }

  private static boolean contains(Set<String> set, String word) {
    return set.contains(word)
        || (word.length() > 1
            && word.equals(word.toUpperCase(Locale.ROOT))
            && set.contains(titleCase(word)));
  }

  /** {@code DUPONT} → {@code Dupont}, {@code JEAN-PIERRE} → {@code Jean-Pierre}. */
  static String titleCase(String word) {
    StringBuilder out = new StringBuilder(word.length());
    boolean upper = true;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      out.appendCodePoint(upper ? Character.toUpperCase(cp) : Character.toLowerCase(cp));
      upper = !Character.isLetter(cp);
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static IdentifierLists load() {
    Map<String, String> versions = new HashMap<>();
    Set<String> first = new HashSet<>();
    first.addAll(read("fr-first-names.txt", versions));
    first.addAll(read("en-first-names.txt", versions));
    Set<String> last = new HashSet<>();
    last.addAll(read("fr-surnames.txt", versions));
    last.addAll(read("en-surnames.txt", versions));
    Set<String> stop = new HashSet<>();
    stop.addAll(read("stop-words-fr.txt", versions));
    stop.addAll(read("stop-words-en.txt", versions));
    Map<String, Town> towns = new HashMap<>();
    for (String line : read("en-towns.tsv", versions)) {
      String[] cells = line.split("\t");
      towns.put(cells[0], new Town(cells[0], cells[1], Optional.empty()));
    }
    for (String line : read("fr-towns.tsv", versions)) {
      String[] cells = line.split("\t");
      towns.put(cells[0], new Town(cells[0], "FR", Optional.of(cells[1])));
    }
    Map<String, Departement> departements = new HashMap<>();
    for (String line : read("departements.tsv", versions)) {
      String[] cells = line.split("\t");
      departements.put(cells[0], new Departement(cells[0], cells[1], cells[2]));
    }
    return new IdentifierLists(
        Set.copyOf(first),
        Set.copyOf(last),
        Set.copyOf(stop),
        Map.copyOf(towns),
        Map.copyOf(departements),
        Map.copyOf(versions));
  }

  /** The lines of a list file after its comment lines; records the version it declares. */
  private static List<String> read(String file, Map<String, String> versions) {
    String path = FOLDER + file;
    try (InputStream in = IdentifierLists.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing list resource " + path);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("# version:")) {
          versions.put(file, line.substring("# version:".length()).strip());
        } else if (!line.startsWith("#") && !line.isBlank()) {
          lines.add(line.strip());
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read list " + path, e);
    }
  }
}
