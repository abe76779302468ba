package org.fabrique.diff.dictionary;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The dictionary formats understood, recognised by their header. */
enum DictionaryFormat {
  REDCAP("redcap"),
  OMOP_FIELD_LEVEL("omop-field-level"),
  CODEBOOK("codebook");

  private final String id;

  DictionaryFormat(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  static Optional<DictionaryFormat> recognise(List<String> header) {
    List<String> lower =
        header.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
    if (lower.contains("variable / field name")
        || lower.contains("field_name") && lower.contains("form_name")) {
      return Optional.of(REDCAP);
    }
    if (lower.contains("cdmtablename") && lower.contains("cdmfieldname")) {
      return Optional.of(OMOP_FIELD_LEVEL);
    }
    if (lower.contains("variable") || lower.contains("name") || lower.contains("variable name")) {
      return Optional.of(CODEBOOK);
    }
    return Optional.empty();
  }
}
