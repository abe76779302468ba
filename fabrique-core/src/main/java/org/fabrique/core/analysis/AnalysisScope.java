package org.fabrique.core.analysis;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.user.UserId;

/**
 * What an analysis looks at: the codings of some coders in the sources of some cases, or of sources
 * (or cases) with some attribute values, in sources no more confidential than a level. Empty means
 * everything.
 *
 * @param attributes for each attribute, the values a source (or its case) must have one of
 * @param highest the most confidential level of source looked at: the sources above it are not
 *     there at all (not counted, not listed, their attribute values not shown), as an export under
 *     a redaction profile needs
 * @param evidence when present, only the coded segments that are evidence of the journey elements a
 *     journey query found are looked at
 */
public record AnalysisScope(
    Set<CaseId> cases,
    Map<AttributeId, Set<String>> attributes,
    Set<UserId> coders,
    Confidentiality highest,
    Optional<EvidencePassages> evidence) {
  public AnalysisScope {
    cases = Set.copyOf(cases);
    attributes = Map.copyOf(attributes);
    coders = Set.copyOf(coders);
    Objects.requireNonNull(highest, "highest");
    Objects.requireNonNull(evidence, "evidence");
  }

  public AnalysisScope(
      Set<CaseId> cases,
      Map<AttributeId, Set<String>> attributes,
      Set<UserId> coders,
      Confidentiality highest) {
    this(cases, attributes, coders, highest, Optional.empty());
  }

  public AnalysisScope(
      Set<CaseId> cases, Map<AttributeId, Set<String>> attributes, Set<UserId> coders) {
    this(cases, attributes, coders, Confidentiality.SECRET);
  }

  public static AnalysisScope everything() {
    return new AnalysisScope(Set.of(), Map.of(), Set.of());
  }

  public AnalysisScope withCases(Set<CaseId> newCases) {
    return new AnalysisScope(newCases, attributes, coders, highest, evidence);
  }

  public AnalysisScope withAttributes(Map<AttributeId, Set<String>> newAttributes) {
    return new AnalysisScope(cases, newAttributes, coders, highest, evidence);
  }

  public AnalysisScope withCoders(Set<UserId> newCoders) {
    return new AnalysisScope(cases, attributes, newCoders, highest, evidence);
  }

  /** Only the coded segments that are evidence of some journey elements. */
  public AnalysisScope withinEvidence(EvidencePassages passages) {
    return new AnalysisScope(cases, attributes, coders, highest, Optional.of(passages));
  }

  /** Only the sources of this level of confidentiality or below. */
  public AnalysisScope upTo(Confidentiality level) {
    return new AnalysisScope(cases, attributes, coders, level, evidence);
  }

  /** Whether a source of this level is looked at. */
  public boolean allows(Confidentiality level) {
    return level.ordinal() <= highest.ordinal();
  }
}
