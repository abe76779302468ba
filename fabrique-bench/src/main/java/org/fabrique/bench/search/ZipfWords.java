package org.fabrique.bench.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded vocabulary with a Zipf-like distribution: a few hundred common French and English words
 * (with accents) and 20,000 rarer forms, so that queries range from words in every source to words
 * in a handful.
 */
final class ZipfWords {
  private static final String[] FRENCH = {
    "le",
    "la",
    "les",
    "de",
    "des",
    "du",
    "un",
    "une",
    "et",
    "à",
    "en",
    "pour",
    "que",
    "qui",
    "dans",
    "sur",
    "par",
    "pas",
    "données",
    "cohorte",
    "pseudonymisation",
    "consentement",
    "extraction",
    "variable",
    "comité",
    "éthique",
    "réidentification",
    "granularité",
    "harmonisation",
    "appariement",
    "participants",
    "méthodologie",
    "référence",
    "décision",
    "tension",
    "négociation",
    "usage",
    "recherche",
    "publique",
    "diagnostic",
    "hôpital",
    "entrepôt",
    "registre",
    "patients",
    "médecin",
    "accès",
    "demande",
    "autorisation",
    "traitement",
    "finalité",
    "responsable",
    "sécurité",
    "anonymisation",
    "agrégation",
    "département",
    "année"
  };
  private static final String[] ENGLISH = {
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "for",
    "that",
    "with",
    "on",
    "by",
    "is",
    "was",
    "data",
    "steward",
    "dataset",
    "release",
    "model",
    "training",
    "bias",
    "linkage",
    "claims",
    "protocol",
    "approval",
    "access",
    "committee",
    "consent",
    "registry",
    "cohort",
    "patients",
    "hospital",
    "warehouse",
    "request",
    "purpose",
    "controller",
    "security",
    "anonymised",
    "synthetic",
    "aggregation",
    "suppression",
    "variables",
    "extract",
    "records",
    "analysis",
    "researchers"
  };
  private static final int RARE = 20_000;

  private final Random random;

  ZipfWords(long seed) {
    this.random = new Random(seed);
  }

  private String word(String language) {
    double draw = random.nextDouble();
    if (draw < 0.85) {
      String[] common = "fr".equals(language) ? FRENCH : ENGLISH;
      // Zipf-like among common words: the first ones much more often
      int index = (int) Math.floor(Math.pow(random.nextDouble(), 2.2) * common.length);
      return common[Math.min(index, common.length - 1)];
    }
    int rank = (int) Math.floor(Math.pow(random.nextDouble(), 3) * RARE);
    return rare(rank);
  }

  private static String rare(int rank) {
    return "terme" + Integer.toString(rank, 36);
  }

  String text(int characters, String language) {
    StringBuilder text = new StringBuilder(characters + 200);
    int sentence = 0;
    while (text.length() < characters) {
      int words = 6 + random.nextInt(18);
      for (int i = 0; i < words; i++) {
        String word = word(language);
        text.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
        text.append(i == words - 1 ? ". " : " ");
      }
      if (++sentence % 5 == 0) {
        text.append("\n");
      }
    }
    return text.toString();
  }

  String common(int i) {
    String[] pool = {"donnees", "consentement", "registre", "patients", "data", "access", "cohort"};
    return pool[i % pool.length];
  }

  List<String> queriesOfKind(String kind, Random draw, int count) {
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String a = FRENCH[18 + draw.nextInt(FRENCH.length - 18)];
      String b = FRENCH[18 + draw.nextInt(FRENCH.length - 18)];
      String e = ENGLISH[13 + draw.nextInt(ENGLISH.length - 13)];
      String r = rare(draw.nextInt(2000));
      queries.add(
          switch (kind) {
            case "word" -> a;
            case "rare" -> r;
            case "phrase" -> "\"" + a + " " + b + "\"";
            case "boolean" -> "(" + a + " OR " + e + ") AND NOT " + b;
            case "wildcard" -> a.substring(0, Math.min(a.length(), 5)) + "*";
            case "proximity" -> "\"" + a + " " + b + "\"~5";
            default -> throw new IllegalArgumentException(kind);
          });
    }
    return queries;
  }

  List<String> queries(Random draw) {
    List<String> all = new ArrayList<>();
    for (String kind : List.of("word", "rare", "phrase", "boolean", "wildcard", "proximity")) {
      all.addAll(queriesOfKind(kind, draw, 50));
    }
    java.util.Collections.shuffle(all, draw);
    return all;
  }
}
