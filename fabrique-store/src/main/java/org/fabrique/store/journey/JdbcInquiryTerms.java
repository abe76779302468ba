package org.fabrique.store.journey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.InquiryTerm;
import org.fabrique.core.vocabulary.Term;
import org.fabrique.core.vocabulary.VocabularyName;
import org.fabrique.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The terms an inquiry added to the vocabularies, in table {@code journey_terms} (V20). */
final class JdbcInquiryTerms {
  private final Handle handle;

  JdbcInquiryTerms(Handle handle) {
    this.handle = handle;
  }

  void insert(InquiryTerm term) {
    handle
        .createUpdate(
            """
            INSERT INTO journey_terms (id, inquiry_id, vocabulary, term_id, label_en, label_fr)
            VALUES (:id, :inquiry, :vocabulary, :term, :en, :fr)""")
        .bind("id", term.id().value())
        .bind("inquiry", term.inquiryId().value())
        .bind("vocabulary", term.vocabulary().id())
        .bind("term", term.term().id())
        .bind("en", term.term().labelEn())
        .bind("fr", term.term().labelFr())
        .execute();
  }

  void delete(ElementId id) {
    Rows.deleteById(handle, "journey_terms", id.value(), "Vocabulary term " + id);
  }

  Optional<InquiryTerm> find(ElementId id) {
    return handle
        .createQuery("SELECT * FROM journey_terms WHERE id = :id")
        .bind("id", id.value())
        .map(JdbcInquiryTerms::term)
        .findOne();
  }

  List<InquiryTerm> of(InquiryId inquiry) {
    return handle
        .createQuery("SELECT * FROM journey_terms WHERE inquiry_id = :i ORDER BY id")
        .bind("i", inquiry.value())
        .map(JdbcInquiryTerms::term)
        .list();
  }

  private static InquiryTerm term(ResultSet rs, StatementContext context) throws SQLException {
    String vocabulary = rs.getString("vocabulary");
    return new InquiryTerm(
        new ElementId(rs.getLong("id")),
        new InquiryId(rs.getLong("inquiry_id")),
        VocabularyName.fromId(vocabulary)
            .orElseThrow(() -> new SQLException("Unknown vocabulary " + vocabulary)),
        new Term(
            rs.getString("term_id"),
            "",
            rs.getString("label_en"),
            rs.getString("label_fr"),
            Map.of()));
  }
}
