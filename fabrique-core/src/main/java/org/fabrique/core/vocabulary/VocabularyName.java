package org.fabrique.core.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/** The vocabularies Fabrique ships, by the name of their resource file. */
public enum VocabularyName {
  INTERVENTION_TYPES("intervention-types"),
  ROLES("roles"),
  DECISION_MODES("decision-modes"),
  RESOLUTION_MODES("resolution-modes"),
  TENSION_NATURES("tension-natures"),
  IDENTIFIABILITY("identifiability"),
  HEALTH_CATEGORIES("health-categories"),
  LEGAL_BASES("legal-bases"),
  PROCEDURES("procedures"),
  DUO("duo"),
  PROCESSING("processing"),
  PURPOSES("purposes"),
  DOMAINS("domains"),
  ACTOR_CATEGORIES("actor-categories");

  private final String id;

  VocabularyName(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<VocabularyName> fromId(String id) {
    return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
  }
}
