package org.fabrique.formats.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** The headings of a dossier in its language, from {@code labels_en|fr.properties} (UTF-8). */
final class DossierLabels {
  private final Properties labels = new Properties();
  private final Locale locale;

  DossierLabels(String language) {
    this.locale = "fr".equals(language) ? Locale.FRENCH : Locale.ENGLISH;
    String file = "labels_" + locale.getLanguage() + ".properties";
    try (InputStream in = DossierLabels.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + file);
      }
      labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Locale locale() {
    return locale;
  }

  /** The label of a key, or the key itself when there is none. */
  String get(String key) {
    return labels.getProperty(key, key);
  }

  /** The label of a key, or a fallback when there is none. */
  String get(String key, String fallback) {
    return labels.getProperty(key, fallback);
  }

  /** The label of a key with its arguments put in (MessageFormat, in the dossier's language). */
  String format(String key, Object... arguments) {
    return new MessageFormat(labels.getProperty(key, key), locale).format(arguments);
  }
}
