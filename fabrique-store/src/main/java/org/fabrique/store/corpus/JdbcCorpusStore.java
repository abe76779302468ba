package org.fabrique.store.corpus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.CorpusStore;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.corpus.SpeakerTurn;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.UserId;
import org.fabrique.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Sources in table {@code sources}, their speaker turns in {@code speaker_turns}. */
public final class JdbcCorpusStore implements CorpusStore {
  private static final String COLUMNS =
      """
      id, inquiry_id, title, kind, source_date, language, case_id, confidentiality,
      original_file_name, media_type, original_digest, text_digest, text_length, imported_at,
      imported_by""";

  private final Handle handle;

  public JdbcCorpusStore(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insertSource(Source source) {
    bindSource(
            handle.createUpdate(
                """
                INSERT INTO sources (id, inquiry_id, title, kind, source_date, language, case_id,
                  confidentiality, original_file_name, media_type, original_digest, text_digest,
                  text_length, imported_at, imported_by)
                VALUES (:id, :inquiryId, :title, :kind, :date, :language, :caseId,
                  :confidentiality, :originalFileName, :mediaType, :originalDigest, :textDigest,
                  :length, :importedAt, :importedBy)"""),
            source)
        .execute();
  }

  @Override
  public void updateSource(Source source) {
    int rows =
        bindSource(
                handle.createUpdate(
                    """
                    UPDATE sources SET inquiry_id = :inquiryId, title = :title, kind = :kind,
                      source_date = :date, language = :language, case_id = :caseId,
                      confidentiality = :confidentiality, original_file_name = :originalFileName,
                      media_type = :mediaType, original_digest = :originalDigest,
                      text_digest = :textDigest, text_length = :length,
                      imported_at = :importedAt, imported_by = :importedBy
                    WHERE id = :id"""),
                source)
            .execute();
    Rows.requireOne(rows, "Source " + source.id());
  }

  private static <S extends SqlStatement<S>> S bindSource(S statement, Source source) {
    return statement
        .bind("id", source.id().value())
        .bind("inquiryId", source.inquiryId().value())
        .bind("title", source.title())
        .bind("kind", source.kind().id())
        .bind("date", source.date().map(LocalDate::toString).orElse(null))
        .bind("language", source.language())
        .bind("caseId", source.caseId().map(CaseId::value).orElse(null))
        .bind("confidentiality", source.confidentiality().id())
        .bind("originalFileName", source.originalFileName())
        .bind("mediaType", source.mediaType())
        .bind("originalDigest", source.originalDigest())
        .bind("textDigest", source.textDigest())
        .bind("length", source.length())
        .bind("importedAt", source.importedAt().toString())
        .bind("importedBy", source.importedBy().value());
  }

  @Override
  public void deleteSource(SourceId id) {
    Rows.deleteById(handle, "sources", id.value(), "Source " + id);
  }

  @Override
  public Optional<Source> findSource(SourceId id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM sources WHERE id = :id")
        .bind("id", id.value())
        .map(JdbcCorpusStore::source)
        .findOne();
  }

  @Override
  public List<Source> listSources(InquiryId inquiry) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM sources WHERE inquiry_id = :inquiry ORDER BY id")
        .bind("inquiry", inquiry.value())
        .map(JdbcCorpusStore::source)
        .list();
  }

  @Override
  public List<Source> sourcesOfCase(CaseId caseId) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM sources WHERE case_id = :caseId ORDER BY id")
        .bind("caseId", caseId.value())
        .map(JdbcCorpusStore::source)
        .list();
  }

  @Override
  public void insertTurns(SourceId source, List<SpeakerTurn> turns) {
    int first =
        handle
            .createQuery(
                "SELECT COALESCE(MAX(ordinal) + 1, 0) FROM speaker_turns WHERE source_id = :source")
            .bind("source", source.value())
            .mapTo(Integer.class)
            .one();
    PreparedBatch batch =
        handle.prepareBatch(
            """
            INSERT INTO speaker_turns (source_id, ordinal, start_pos, end_pos, speaker, timecode)
            VALUES (:source, :ordinal, :start, :end, :speaker, :timecode)""");
    for (int i = 0; i < turns.size(); i++) {
      SpeakerTurn turn = turns.get(i);
      batch
          .bind("source", source.value())
          .bind("ordinal", first + i)
          .bind("start", turn.start())
          .bind("end", turn.end())
          .bind("speaker", turn.speaker())
          .bind("timecode", turn.timestamp().orElse(null))
          .add();
    }
    if (!turns.isEmpty()) {
      batch.execute();
    }
  }

  @Override
  public List<SpeakerTurn> turns(SourceId source) {
    return handle
        .createQuery(
            """
            SELECT start_pos, end_pos, speaker, timecode FROM speaker_turns
            WHERE source_id = :source ORDER BY ordinal""")
        .bind("source", source.value())
        .map(
            (rs, context) ->
                new SpeakerTurn(
                    rs.getInt("start_pos"),
                    rs.getInt("end_pos"),
                    rs.getString("speaker"),
                    Rows.optionalText(rs, "timecode")))
        .list();
  }

  @Override
  public void deleteTurns(SourceId source) {
    handle
        .createUpdate("DELETE FROM speaker_turns WHERE source_id = :source")
        .bind("source", source.value())
        .execute();
  }

  private static Source source(ResultSet rs, StatementContext context) throws SQLException {
    String kind = rs.getString("kind");
    String confidentiality = rs.getString("confidentiality");
    return new Source(
        new SourceId(rs.getLong("id")),
        new InquiryId(rs.getLong("inquiry_id")),
        rs.getString("title"),
        SourceKind.fromId(kind)
            .orElseThrow(() -> new SQLException("Unknown source kind in the database: " + kind)),
        Rows.optionalText(rs, "source_date").map(LocalDate::parse),
        rs.getString("language"),
        Rows.optionalId(rs, "case_id", CaseId::new),
        Confidentiality.fromId(confidentiality)
            .orElseThrow(
                () ->
                    new SQLException(
                        "Unknown confidentiality in the database: " + confidentiality)),
        rs.getString("original_file_name"),
        rs.getString("media_type"),
        rs.getString("original_digest"),
        rs.getString("text_digest"),
        rs.getInt("text_length"),
        Instant.parse(rs.getString("imported_at")),
        new UserId(rs.getLong("imported_by")));
  }

  @Override
  public Optional<String> speakerPattern(InquiryId inquiry) {
    return handle
        .createQuery("SELECT pattern FROM speaker_patterns WHERE inquiry_id = :inquiry")
        .bind("inquiry", inquiry.value())
        .mapTo(String.class)
        .findOne();
  }

  @Override
  public void putSpeakerPattern(InquiryId inquiry, Optional<String> pattern) {
    handle
        .createUpdate("DELETE FROM speaker_patterns WHERE inquiry_id = :inquiry")
        .bind("inquiry", inquiry.value())
        .execute();
    pattern.ifPresent(
        p ->
            handle
                .createUpdate(
                    "INSERT INTO speaker_patterns (inquiry_id, pattern) VALUES (:inquiry, :pattern)")
                .bind("inquiry", inquiry.value())
                .bind("pattern", p)
                .execute());
  }
}
