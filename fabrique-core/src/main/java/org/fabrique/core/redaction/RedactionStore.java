package org.fabrique.core.redaction;

import java.util.List;
import java.util.Optional;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.InquiryId;

/**
 * Where redactions, the key table and the replacement policies of each inquiry are kept. The key
 * table is its own table: nothing else refers to a real value.
 */
public interface RedactionStore {
  void insert(Redaction redaction);

  void update(Redaction redaction);

  void delete(RedactionId id);

  Optional<Redaction> find(RedactionId id);

  /** The redactions of a source, by position. */
  List<Redaction> ofSource(SourceId source);

  /** The redactions of an inquiry, by source and position. */
  List<Redaction> ofInquiry(InquiryId inquiry);

  /** Deletes every redaction of a source (when it is purged). */
  void deleteOfSource(SourceId source);

  Optional<PseudonymEntry> findEntry(InquiryId inquiry, IdentifierCategory category, String key);

  Optional<PseudonymEntry> findEntry(long id);

  void insertEntry(PseudonymEntry entry);

  void updateEntry(PseudonymEntry entry);

  void deleteEntry(long id);

  /** The key table of an inquiry, by category and ordinal. */
  List<PseudonymEntry> entries(InquiryId inquiry);

  /** The highest ordinal of a category in an inquiry, 0 when there is none. */
  int lastOrdinal(InquiryId inquiry, IdentifierCategory category);

  /** The policies the researcher chose (categories left at their default are absent). */
  List<CategoryPolicy> policies(InquiryId inquiry);

  void putPolicy(InquiryId inquiry, CategoryPolicy policy);
}
