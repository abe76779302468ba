package org.fabrique.web.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages of the interface. */
public enum Lang {
  EN("en", Locale.ENGLISH),
  FR("fr", Locale.FRENCH);

  private final String code;
  private final Locale locale;

  Lang(String code, Locale locale) {
    this.code = code;
    this.locale = locale;
  }

  public String code() {
    return code;
  }

  public Locale locale() {
    return locale;
  }

  /** The other language, offered by the switch in the header. */
  public Lang other() {
    return this == EN ? FR : EN;
  }

  public static Optional<Lang> fromCode(String code) {
    String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(l -> l.code.equals(wanted)).findFirst();
  }

  /**
   * The language an {@code Accept-Language} header prefers among ours; English when it names
   * neither or cannot be read.
   */
  public static Lang fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return EN;
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
      for (Locale.LanguageRange range : ranges) {
        if (range.getWeight() <= 0) {
          continue;
        }
        String primary = range.getRange().split("-", 2)[0];
        Optional<Lang> lang = fromCode(primary);
        if (lang.isPresent()) {
          return lang.get();
        }
      }
    } catch (IllegalArgumentException e) {
      return EN;
    }
    return EN;
  }
}
