package org.fabrique.core.inquiry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The domain of a case. Ids are stable and used in files and URLs. */
public enum Domain {
  COHORT("cohort"),
  REGISTRY("registry"),
  CLINICAL_TRIAL("clinical-trial"),
  HOSPITAL_DATA_WAREHOUSE("hospital-data-warehouse"),
  CLAIMS("claims"),
  GENOMICS("genomics"),
  IMAGING("imaging"),
  AI_MODEL("ai-model"),
  SURVEY("survey"),
  OTHER("other");

  private final String id;

  Domain(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Domain> fromId(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(d -> d.id.equals(wanted)).findFirst();
  }
}
