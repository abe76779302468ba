package org.fabrique.core.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.redaction.CategoryPolicy;
import org.fabrique.core.redaction.IdentifierCategory;
import org.fabrique.core.redaction.PseudonymEntry;
import org.fabrique.core.redaction.Redaction;
import org.fabrique.core.redaction.RedactionId;
import org.fabrique.core.redaction.RedactionStore;

/** Redactions in memory, for the in-memory stores of tests (not rolled back with a transaction). */
public final class MemoryRedactionStore implements RedactionStore {
  private final Map<RedactionId, Redaction> redactions = new LinkedHashMap<>();
  private final Map<Long, PseudonymEntry> entries = new LinkedHashMap<>();
  private final Map<String, CategoryPolicy> policies = new LinkedHashMap<>();

  @Override
  public void insert(Redaction redaction) {
    redactions.put(redaction.id(), redaction);
  }

  @Override
  public void update(Redaction redaction) {
    redactions.put(redaction.id(), redaction);
  }

  @Override
  public void delete(RedactionId id) {
    redactions.remove(id);
  }

  @Override
  public Optional<Redaction> find(RedactionId id) {
    return Optional.ofNullable(redactions.get(id));
  }

  @Override
  public List<Redaction> ofSource(SourceId source) {
    return sorted(redactions.values().stream().filter(r -> r.sourceId().equals(source)).toList());
  }

  @Override
  public List<Redaction> ofInquiry(InquiryId inquiry) {
    return sorted(redactions.values().stream().filter(r -> r.inquiryId().equals(inquiry)).toList());
  }

  private static List<Redaction> sorted(List<Redaction> list) {
    List<Redaction> copy = new ArrayList<>(list);
    copy.sort(
        Comparator.comparingLong((Redaction r) -> r.sourceId().value())
            .thenComparingInt(Redaction::start)
            .thenComparingInt(Redaction::end));
    return copy;
  }

  @Override
  public void deleteOfSource(SourceId source) {
    redactions.values().removeIf(r -> r.sourceId().equals(source));
  }

  @Override
  public Optional<PseudonymEntry> findEntry(
      InquiryId inquiry, IdentifierCategory category, String key) {
    return entries.values().stream()
        .filter(
            e ->
                e.inquiryId().equals(inquiry)
                    && e.category() == category
                    && e.valueKey().equals(key))
        .findFirst();
  }

  @Override
  public Optional<PseudonymEntry> findEntry(long id) {
    return Optional.ofNullable(entries.get(id));
  }

  @Override
  public void insertEntry(PseudonymEntry entry) {
    entries.put(entry.id(), entry);
  }

  @Override
  public void updateEntry(PseudonymEntry entry) {
    entries.put(entry.id(), entry);
  }

  @Override
  public void deleteEntry(long id) {
    entries.remove(id);
  }

  @Override
  public List<PseudonymEntry> entries(InquiryId inquiry) {
    return entries.values().stream().filter(e -> e.inquiryId().equals(inquiry)).toList();
  }

  @Override
  public int lastOrdinal(InquiryId inquiry, IdentifierCategory category) {
    return entries.values().stream()
        .filter(e -> e.inquiryId().equals(inquiry) && e.category() == category)
        .mapToInt(PseudonymEntry::ordinal)
        .max()
        .orElse(0);
  }

  @Override
  public List<CategoryPolicy> policies(InquiryId inquiry) {
    return policies.entrySet().stream()
        .filter(e -> e.getKey().startsWith(inquiry.value() + "/"))
        .map(Map.Entry::getValue)
        .toList();
  }

  @Override
  public void putPolicy(InquiryId inquiry, CategoryPolicy policy) {
    policies.put(inquiry.value() + "/" + policy.category().id(), policy);
  }
}
