package org.fabrique.bench.corpus;

import java.util.Locale;
import java.util.Random;

/** Seeded field-note-like text in French and English, with accents, emoji and speaker turns. */
public final class SyntheticText {
  private static final String[] WORDS = {
    "cohorte",
    "données",
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
    "the",
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
    "méthodologie",
    "référence",
    "décision",
    "tension",
    "négociation",
    "usage",
    "commercial",
    "recherche",
    "publique",
    "diagnostic",
    "biologie",
    "dates",
    "année",
    "département",
    "anonymised",
    "synthetic",
    "access",
    "committee",
    "😀",
    "café",
    "naïve"
  };

  private final Random random;

  public SyntheticText(long seed) {
    this.random = new Random(seed);
  }

  /** About {@code characters} characters of prose in paragraphs. */
  public String prose(int characters) {
    StringBuilder text = new StringBuilder(characters + 200);
    int sentence = 0;
    while (text.length() < characters) {
      int words = 6 + random.nextInt(18);
      for (int i = 0; i < words; i++) {
        String word = WORDS[random.nextInt(WORDS.length)];
        text.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
        text.append(i == words - 1 ? ". " : " ");
      }
      if (++sentence % 5 == 0) {
        text.append("\n\n");
      }
    }
    return text.toString();
  }

  /** An interview transcript of about {@code characters} characters. */
  public String transcript(int characters) {
    StringBuilder text = new StringBuilder(characters + 200);
    int turn = 0;
    while (text.length() < characters) {
      int seconds = turn * 37;
      text.append(
          String.format(
              Locale.ROOT,
              "[%02d:%02d:%02d] %s : ",
              seconds / 3600,
              seconds / 60 % 60,
              seconds % 60,
              turn % 2 == 0 ? "E" : "DM"));
      text.append(prose(200 + random.nextInt(400)).replace("\n\n", " ")).append("\n\n");
      turn++;
    }
    return text.toString();
  }
}
