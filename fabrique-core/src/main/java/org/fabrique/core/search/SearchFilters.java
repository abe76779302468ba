package org.fabrique.core.search;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.user.UserId;

/**
 * What a search is restricted to. Empty sets mean no restriction. A filter on codes or coders
 * searches the coded segments (the text of the passages coded so); otherwise the documents of the
 * given kinds are searched.
 *
 * @param attributes documents whose source (or its case) has one of the values, for each attribute
 * @param from the earliest date of the source, inclusive
 * @param to the latest date of the source, inclusive
 * @param excludedSources sources left out, with their segments and the memos about them (those a
 *     redaction profile does not let out)
 */
public record SearchFilters(
    Set<DocumentKind> kinds,
    Set<CaseId> cases,
    Set<SourceKind> sourceKinds,
    List<AttributeFilter> attributes,
    Set<CodeId> codes,
    Set<UserId> coders,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    Set<SourceId> excludedSources) {

  public SearchFilters {
    excludedSources = Set.copyOf(excludedSources);
    kinds = kinds.isEmpty() ? Set.of(DocumentKind.SOURCE) : Set.copyOf(kinds);
    cases = Set.copyOf(cases);
    sourceKinds = Set.copyOf(sourceKinds);
    attributes = List.copyOf(attributes);
    codes = Set.copyOf(codes);
    coders = Set.copyOf(coders);
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      throw new InvalidInputException("The date range ends before it starts");
    }
  }

  /** Sources only, no restriction. */
  public static SearchFilters none() {
    return new SearchFilters(
        Set.of(),
        Set.of(),
        Set.of(),
        List.of(),
        Set.of(),
        Set.of(),
        Optional.empty(),
        Optional.empty(),
        Set.of());
  }

  /** The kinds of documents searched: segments when codes or coders are asked for. */
  public Set<DocumentKind> searchedKinds() {
    return codes.isEmpty() && coders.isEmpty() ? kinds : EnumSet.of(DocumentKind.SEGMENT);
  }

  public SearchFilters withKinds(Set<DocumentKind> newKinds) {
    return new SearchFilters(
        newKinds, cases, sourceKinds, attributes, codes, coders, from, to, excludedSources);
  }

  public SearchFilters withCases(Set<CaseId> newCases) {
    return new SearchFilters(
        kinds, newCases, sourceKinds, attributes, codes, coders, from, to, excludedSources);
  }

  public SearchFilters withSourceKinds(Set<SourceKind> newKinds) {
    return new SearchFilters(
        kinds, cases, newKinds, attributes, codes, coders, from, to, excludedSources);
  }

  public SearchFilters withAttributes(List<AttributeFilter> newAttributes) {
    return new SearchFilters(
        kinds, cases, sourceKinds, newAttributes, codes, coders, from, to, excludedSources);
  }

  public SearchFilters withCodes(Set<CodeId> newCodes) {
    return new SearchFilters(
        kinds, cases, sourceKinds, attributes, newCodes, coders, from, to, excludedSources);
  }

  public SearchFilters withCoders(Set<UserId> newCoders) {
    return new SearchFilters(
        kinds, cases, sourceKinds, attributes, codes, newCoders, from, to, excludedSources);
  }

  public SearchFilters between(Optional<LocalDate> newFrom, Optional<LocalDate> newTo) {
    return new SearchFilters(
        kinds, cases, sourceKinds, attributes, codes, coders, newFrom, newTo, excludedSources);
  }

  /** These filters, with these sources left out as well. */
  public SearchFilters withoutSources(Set<SourceId> sources) {
    Set<SourceId> all = new java.util.HashSet<>(excludedSources);
    all.addAll(sources);
    return new SearchFilters(kinds, cases, sourceKinds, attributes, codes, coders, from, to, all);
  }

  /** Documents whose attribute has one of these values. */
  public record AttributeFilter(AttributeId attributeId, Set<String> values) {
    public AttributeFilter {
      values = Set.copyOf(values);
      if (values.isEmpty()) {
        throw new InvalidInputException("An attribute filter needs at least one value");
      }
    }
  }
}
