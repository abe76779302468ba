package org.fabrique.core.vocabulary;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A term of a vocabulary: a stable id, an IRI when the term comes from a published vocabulary,
 * labels in English and French, and mappings to other vocabularies (e.g. {@code dpv=dpv:Match}).
 */
public record Term(
    String id, String iri, String labelEn, String labelFr, Map<String, String> mappings) {
  public Term {
    Objects.requireNonNull(id, "id");
    iri = iri == null ? "" : iri;
    labelEn = labelEn == null ? "" : labelEn;
    labelFr = labelFr == null || labelFr.isBlank() ? labelEn : labelFr;
    mappings = Map.copyOf(mappings);
  }

  /** The label in a language, French for {@code fr}, English otherwise. */
  public String label(Locale locale) {
    return "fr".equals(locale.getLanguage()) ? labelFr : labelEn;
  }

  public Optional<String> mapping(String key) {
    return Optional.ofNullable(mappings.get(key));
  }
}
