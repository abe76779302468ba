package org.fabrique.store.redaction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.redaction.CategoryPolicy;
import org.fabrique.core.redaction.IdentifierCategory;
import org.fabrique.core.redaction.PseudonymEntry;
import org.fabrique.core.redaction.Reason;
import org.fabrique.core.redaction.Redaction;
import org.fabrique.core.redaction.RedactionId;
import org.fabrique.core.redaction.RedactionStore;
import org.fabrique.core.redaction.ReplacementKind;
import org.fabrique.core.user.UserId;
import org.fabrique.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Redactions in {@code redactions}, the key table in {@code pseudonyms}, the policies in {@code
 * redaction_policies}.
 */
public final class JdbcRedactionStore implements RedactionStore {
  private static final String COLUMNS =
      "id, inquiry_id, source_id, start_pos, end_pos, category, status, reason, confidence,"
          + " decided_by, decided_at";
  private static final String ENTRY_COLUMNS =
      "id, inquiry_id, category, value_key, real_value, pseudonym, ordinal";

  private final Handle handle;

  public JdbcRedactionStore(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(Redaction redaction) {
    bind(
            handle.createUpdate(
                "INSERT INTO redactions ("
                    + COLUMNS
                    + ") VALUES (:id, :inquiryId, :sourceId,"
                    + " :start, :end, :category, :status, :reason, :confidence, :decidedBy,"
                    + " :decidedAt)"),
            redaction)
        .execute();
  }

  @Override
  public void update(Redaction redaction) {
    int rows =
        bind(
                handle.createUpdate(
                    "UPDATE redactions SET inquiry_id = :inquiryId, source_id = :sourceId,"
                        + " start_pos = :start, end_pos = :end, category = :category,"
                        + " status = :status, reason = :reason, confidence = :confidence,"
                        + " decided_by = :decidedBy, decided_at = :decidedAt WHERE id = :id"),
                redaction)
            .execute();
    Rows.requireOne(rows, "Redaction " + redaction.id());
  }

  private static <S extends SqlStatement<S>> S bind(S statement, Redaction r) {
    return statement
        .bind("id", r.id().value())
        .bind("inquiryId", r.inquiryId().value())
        .bind("sourceId", r.sourceId().value())
        .bind("start", r.start())
        .bind("end", r.end())
        .bind("category", r.category().id())
        .bind("status", r.status().id())
        .bind("reason", r.reason().id())
        .bind("confidence", r.confidence())
        .bind("decidedBy", r.decidedBy().map(UserId::value).orElse(null))
        .bind("decidedAt", r.decidedAt().map(Instant::toString).orElse(null));
  }

  @Override
  public void delete(RedactionId id) {
    Rows.deleteById(handle, "redactions", id.value(), "Redaction " + id);
  }

  @Override
  public Optional<Redaction> find(RedactionId id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM redactions WHERE id = :id")
        .bind("id", id.value())
        .map((rs, ctx) -> redaction(rs))
        .findOne();
  }

  @Override
  public List<Redaction> ofSource(SourceId source) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM redactions WHERE source_id = :source"
                + " ORDER BY start_pos, end_pos, id")
        .bind("source", source.value())
        .map((rs, ctx) -> redaction(rs))
        .list();
  }

  @Override
  public List<Redaction> ofInquiry(InquiryId inquiry) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM redactions WHERE inquiry_id = :inquiry"
                + " ORDER BY source_id, start_pos, end_pos, id")
        .bind("inquiry", inquiry.value())
        .map((rs, ctx) -> redaction(rs))
        .list();
  }

  @Override
  public void deleteOfSource(SourceId source) {
    handle
        .createUpdate("DELETE FROM redactions WHERE source_id = :source")
        .bind("source", source.value())
        .execute();
  }

  private static Redaction redaction(ResultSet rs) throws SQLException {
    return new Redaction(
        new RedactionId(rs.getLong("id")),
        new InquiryId(rs.getLong("inquiry_id")),
        new SourceId(rs.getLong("source_id")),
        rs.getInt("start_pos"),
        rs.getInt("end_pos"),
        IdentifierCategory.fromId(rs.getString("category")).orElseThrow(),
        Redaction.Status.fromId(rs.getString("status")).orElseThrow(),
        Reason.fromId(rs.getString("reason")).orElse(Reason.MANUAL),
        rs.getInt("confidence"),
        Rows.optionalId(rs, "decided_by", UserId::new),
        Rows.optionalText(rs, "decided_at").map(Instant::parse));
  }

  @Override
  public Optional<PseudonymEntry> findEntry(
      InquiryId inquiry, IdentifierCategory category, String key) {
    return handle
        .createQuery(
            "SELECT "
                + ENTRY_COLUMNS
                + " FROM pseudonyms WHERE inquiry_id = :inquiry"
                + " AND category = :category AND value_key = :key")
        .bind("inquiry", inquiry.value())
        .bind("category", category.id())
        .bind("key", key)
        .map((rs, ctx) -> entry(rs))
        .findOne();
  }

  @Override
  public Optional<PseudonymEntry> findEntry(long id) {
    return handle
        .createQuery("SELECT " + ENTRY_COLUMNS + " FROM pseudonyms WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> entry(rs))
        .findOne();
  }

  @Override
  public void insertEntry(PseudonymEntry entry) {
    handle
        .createUpdate(
            "INSERT INTO pseudonyms ("
                + ENTRY_COLUMNS
                + ") VALUES (:id, :inquiry, :category,"
                + " :key, :value, :pseudonym, :ordinal)")
        .bind("id", entry.id())
        .bind("inquiry", entry.inquiryId().value())
        .bind("category", entry.category().id())
        .bind("key", entry.valueKey())
        .bind("value", entry.value())
        .bind("pseudonym", entry.pseudonym())
        .bind("ordinal", entry.ordinal())
        .execute();
  }

  @Override
  public void updateEntry(PseudonymEntry entry) {
    Rows.requireOne(
        handle
            .createUpdate("UPDATE pseudonyms SET pseudonym = :pseudonym WHERE id = :id")
            .bind("id", entry.id())
            .bind("pseudonym", entry.pseudonym())
            .execute(),
        "Pseudonym " + entry.id());
  }

  @Override
  public void deleteEntry(long id) {
    Rows.deleteById(handle, "pseudonyms", id, "Pseudonym " + id);
  }

  @Override
  public List<PseudonymEntry> entries(InquiryId inquiry) {
    return handle
        .createQuery(
            "SELECT "
                + ENTRY_COLUMNS
                + " FROM pseudonyms WHERE inquiry_id = :inquiry"
                + " ORDER BY category, ordinal, id")
        .bind("inquiry", inquiry.value())
        .map((rs, ctx) -> entry(rs))
        .list();
  }

  @Override
  public int lastOrdinal(InquiryId inquiry, IdentifierCategory category) {
    return handle
        .createQuery(
            "SELECT COALESCE(MAX(ordinal), 0) FROM pseudonyms WHERE inquiry_id = :inquiry"
                + " AND category = :category")
        .bind("inquiry", inquiry.value())
        .bind("category", category.id())
        .mapTo(Integer.class)
        .one();
  }

  private static PseudonymEntry entry(ResultSet rs) throws SQLException {
    return new PseudonymEntry(
        rs.getLong("id"),
        new InquiryId(rs.getLong("inquiry_id")),
        IdentifierCategory.fromId(rs.getString("category")).orElseThrow(),
        rs.getString("value_key"),
        rs.getString("real_value"),
        rs.getString("pseudonym"),
        rs.getInt("ordinal"));
  }

  @Override
  public List<CategoryPolicy> policies(InquiryId inquiry) {
    return handle
        .createQuery(
            "SELECT category, replacement_kind, prefix, granularity FROM redaction_policies"
                + " WHERE inquiry_id = :inquiry ORDER BY category")
        .bind("inquiry", inquiry.value())
        .map(
            (rs, ctx) -> {
              IdentifierCategory category =
                  IdentifierCategory.fromId(rs.getString("category")).orElseThrow();
              return new CategoryPolicy(
                  category,
                  ReplacementKind.fromId(rs.getString("replacement_kind"))
                      .orElse(category.defaultKind()),
                  rs.getString("prefix"),
                  CategoryPolicy.Granularity.fromId(rs.getString("granularity"))
                      .orElse(CategoryPolicy.defaultGranularity(category)));
            })
        .list();
  }

  @Override
  public void putPolicy(InquiryId inquiry, CategoryPolicy policy) {
    handle
        .createUpdate(
            "DELETE FROM redaction_policies WHERE inquiry_id = :inquiry AND category = :category")
        .bind("inquiry", inquiry.value())
        .bind("category", policy.category().id())
        .execute();
    handle
        .createUpdate(
            "INSERT INTO redaction_policies (inquiry_id, category, replacement_kind, prefix,"
                + " granularity) VALUES (:inquiry, :category, :kind, :prefix, :granularity)")
        .bind("inquiry", inquiry.value())
        .bind("category", policy.category().id())
        .bind("kind", policy.kind().id())
        .bind("prefix", policy.prefix())
        .bind("granularity", policy.granularity().id())
        .execute();
  }
}
