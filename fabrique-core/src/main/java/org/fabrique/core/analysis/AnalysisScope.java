package org.fabrique.core.analysis;

import java.util.Map;
import java.util.Set;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.user.UserId;

/**
 * What an analysis looks at: the codings of some coders in the sources of some cases, or of sources
 * (or cases) with some attribute values. Empty means everything.
 *
 * @param attributes for each attribute, the values a source (or its case) must have one of
 */
public record AnalysisScope(
    Set<CaseId> cases, Map<AttributeId, Set<String>> attributes, Set<UserId> coders) {
  public AnalysisScope {
    cases = Set.copyOf(cases);
    attributes = Map.copyOf(attributes);
    coders = Set.copyOf(coders);
  }

  public static AnalysisScope everything() {
    return new AnalysisScope(Set.of(), Map.of(), Set.of());
  }

  public AnalysisScope withCases(Set<CaseId> newCases) {
    return new AnalysisScope(newCases, attributes, coders);
  }

  public AnalysisScope withAttributes(Map<AttributeId, Set<String>> newAttributes) {
    return new AnalysisScope(cases, newAttributes, coders);
  }

  public AnalysisScope withCoders(Set<UserId> newCoders) {
    return new AnalysisScope(cases, attributes, newCoders);
  }
}
