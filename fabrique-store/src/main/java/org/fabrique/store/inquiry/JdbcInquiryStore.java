package org.fabrique.store.inquiry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryStore;
import org.fabrique.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Inquiries and their cases in tables {@code inquiries} and {@code cases}. */
public final class JdbcInquiryStore implements InquiryStore {
  private static final String CASE_COLUMNS = "id, inquiry_id, name, domain, description";

  private final Handle handle;

  public JdbcInquiryStore(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insertInquiry(Inquiry inquiry) {
    handle
        .createUpdate(
            """
            INSERT INTO inquiries (id, name, description, created_at)
            VALUES (:id, :name, :description, :createdAt)""")
        .bind("id", inquiry.id().value())
        .bind("name", inquiry.name())
        .bind("description", inquiry.description())
        .bind("createdAt", inquiry.createdAt().toString())
        .execute();
  }

  @Override
  public void updateInquiry(Inquiry inquiry) {
    int rows =
        handle
            .createUpdate(
                """
                UPDATE inquiries SET name = :name, description = :description,
                  created_at = :createdAt
                WHERE id = :id""")
            .bind("id", inquiry.id().value())
            .bind("name", inquiry.name())
            .bind("description", inquiry.description())
            .bind("createdAt", inquiry.createdAt().toString())
            .execute();
    Rows.requireOne(rows, "Inquiry " + inquiry.id());
  }

  @Override
  public Optional<Inquiry> findInquiry(InquiryId id) {
    return handle
        .createQuery("SELECT id, name, description, created_at FROM inquiries WHERE id = :id")
        .bind("id", id.value())
        .map(JdbcInquiryStore::inquiry)
        .findOne();
  }

  @Override
  public List<Inquiry> listInquiries() {
    return handle
        .createQuery("SELECT id, name, description, created_at FROM inquiries ORDER BY id")
        .map(JdbcInquiryStore::inquiry)
        .list();
  }

  @Override
  public void insertCase(Case theCase) {
    handle
        .createUpdate(
            """
            INSERT INTO cases (id, inquiry_id, name, domain, description)
            VALUES (:id, :inquiryId, :name, :domain, :description)""")
        .bind("id", theCase.id().value())
        .bind("inquiryId", theCase.inquiryId().value())
        .bind("name", theCase.name())
        .bind("domain", theCase.domain().id())
        .bind("description", theCase.description())
        .execute();
  }

  @Override
  public void updateCase(Case theCase) {
    int rows =
        handle
            .createUpdate(
                """
                UPDATE cases SET inquiry_id = :inquiryId, name = :name, domain = :domain,
                  description = :description
                WHERE id = :id""")
            .bind("id", theCase.id().value())
            .bind("inquiryId", theCase.inquiryId().value())
            .bind("name", theCase.name())
            .bind("domain", theCase.domain().id())
            .bind("description", theCase.description())
            .execute();
    Rows.requireOne(rows, "Case " + theCase.id());
  }

  @Override
  public void deleteCase(CaseId id) {
    Rows.deleteById(handle, "cases", id.value(), "Case " + id);
  }

  @Override
  public Optional<Case> findCase(CaseId id) {
    return handle
        .createQuery("SELECT " + CASE_COLUMNS + " FROM cases WHERE id = :id")
        .bind("id", id.value())
        .map(JdbcInquiryStore::theCase)
        .findOne();
  }

  @Override
  public List<Case> listCases(InquiryId inquiry) {
    return handle
        .createQuery(
            "SELECT " + CASE_COLUMNS + " FROM cases WHERE inquiry_id = :inquiry ORDER BY id")
        .bind("inquiry", inquiry.value())
        .map(JdbcInquiryStore::theCase)
        .list();
  }

  private static Inquiry inquiry(ResultSet rs, StatementContext context) throws SQLException {
    return new Inquiry(
        new InquiryId(rs.getLong("id")),
        rs.getString("name"),
        rs.getString("description"),
        Instant.parse(rs.getString("created_at")));
  }

  private static Case theCase(ResultSet rs, StatementContext context) throws SQLException {
    String domain = rs.getString("domain");
    return new Case(
        new CaseId(rs.getLong("id")),
        new InquiryId(rs.getLong("inquiry_id")),
        rs.getString("name"),
        Domain.fromId(domain)
            .orElseThrow(() -> new SQLException("Unknown domain in the database: " + domain)),
        rs.getString("description"));
  }
}
