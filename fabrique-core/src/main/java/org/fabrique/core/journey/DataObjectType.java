package org.fabrique.core.journey;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of data object a journey holds. Ids are stable and used in files, URLs and exports. */
public enum DataObjectType {
  SOURCE_DATABASE("source-database"),
  DATASET("dataset"),
  DATASET_VERSION("dataset-version"),
  FIELD("field"),
  MODEL("model"),
  RESULT("result"),
  DOCUMENT("document");

  private final String id;

  DataObjectType(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<DataObjectType> fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(v -> v.id.equals(wanted)).findFirst();
  }
}
