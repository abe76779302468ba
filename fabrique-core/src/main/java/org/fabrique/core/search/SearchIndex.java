package org.fabrique.core.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.inquiry.InquiryId;

/**
 * The full-text index of an inquiry's sources, segments and memos. It remembers the generation of
 * the store it reflects (the newest history line of the inquiry when it was last brought up to
 * date) and the digest of every document, so that a stale or damaged index can be repaired by
 * comparison.
 *
 * <p>Queries use the syntax of docs/search.md (terms, "phrases", AND/OR/NOT, wildcards, "proximity
 * phrases"~N); a malformed query fails with an {@link
 * org.fabrique.core.error.InvalidInputException} that says where and what was expected.
 */
public interface SearchIndex extends AutoCloseable {

  /** The generation the index of an inquiry reflects, empty when it has none or is unreadable. */
  OptionalLong generation(InquiryId inquiry);

  /** The digest of every document of an inquiry the index holds. */
  Map<DocumentKey, String> digests(InquiryId inquiry);

  /**
   * Adds or replaces documents, removes others and records the generation, atomically: after a
   * crash the index is as before or as after.
   */
  void update(
      InquiryId inquiry,
      Collection<IndexDocument> upserts,
      Collection<DocumentKey> deletions,
      long generation);

  /** Forgets everything about an inquiry. */
  void clear(InquiryId inquiry);

  /** Checks a query and throws a message pointing at the problem when it is malformed. */
  void validate(String query);

  /** One page of hits as a concordance, documents in the order of their source then position. */
  SearchPage search(
      InquiryId inquiry, String query, SearchFilters filters, int offset, int limit, int context);

  /** Every hit, up to {@code max}, for auto-coding. */
  List<Hit> hits(InquiryId inquiry, String query, SearchFilters filters, int max);

  /** The hits in one document, to highlight it. */
  List<Hit> hitsIn(InquiryId inquiry, DocumentKey document, String query);

  @Override
  void close();

  /**
   * The index of a configuration without full-text search: it holds nothing, reports itself never
   * up to date, and every search fails with a message saying that search is not available.
   */
  static SearchIndex unavailable() {
    return new SearchIndex() {
      private StorageException absent() {
        return new StorageException("Full-text search is not available in this configuration");
      }

      @Override
      public OptionalLong generation(InquiryId inquiry) {
        return OptionalLong.empty();
      }

      @Override
      public Map<DocumentKey, String> digests(InquiryId inquiry) {
        throw absent();
      }

      @Override
      public void update(
          InquiryId inquiry,
          Collection<IndexDocument> upserts,
          Collection<DocumentKey> deletions,
          long generation) {
        throw absent();
      }

      @Override
      public void clear(InquiryId inquiry) {
        throw absent();
      }

      @Override
      public void validate(String query) {
        throw absent();
      }

      @Override
      public SearchPage search(
          InquiryId inquiry,
          String query,
          SearchFilters filters,
          int offset,
          int limit,
          int context) {
        throw absent();
      }

      @Override
      public List<Hit> hits(InquiryId inquiry, String query, SearchFilters filters, int max) {
        throw absent();
      }

      @Override
      public List<Hit> hitsIn(InquiryId inquiry, DocumentKey document, String query) {
        throw absent();
      }

      @Override
      public void close() {
        // nothing to close
      }
    };
  }
}
