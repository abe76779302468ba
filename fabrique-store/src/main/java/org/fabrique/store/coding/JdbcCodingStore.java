package org.fabrique.store.coding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeChange;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodeTree;
import org.fabrique.core.coding.CodedSpan;
import org.fabrique.core.coding.Coding;
import org.fabrique.core.coding.CodingId;
import org.fabrique.core.coding.CodingStore;
import org.fabrique.core.coding.Segment;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.UserId;
import org.fabrique.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The codebook in table {@code codes}, the coded passages in {@code segments} and the codings in
 * {@code codings}. Spans are read through the index of segments by (source, start).
 */
public final class JdbcCodingStore implements CodingStore {
  private static final String CODE_COLUMNS =
      "id, inquiry_id, parent_id, name, colour, description, codable, sibling_position";
  private static final String SEGMENT_COLUMNS = "id, source_id, start_pos, end_pos, quote";
  private static final String CODING_COLUMNS = "id, segment_id, code_id, coder_id, created_at";
  private static final String SPAN_COLUMNS =
      "c.id, c.segment_id, s.source_id, s.start_pos, s.end_pos, c.code_id, c.coder_id";
  private static final int STREAM_FETCH_SIZE = 1000;

  private final Handle handle;

  public JdbcCodingStore(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insertCode(Code code) {
    handle
        .createUpdate(
            """
            INSERT INTO codes (id, inquiry_id, parent_id, name, colour, description, codable,
              sibling_position)
            VALUES (:id, :inquiryId, :parentId, :name, :colour, :description, :codable,
              :position)""")
        .bind("id", code.id().value())
        .bind("inquiryId", code.inquiryId().value())
        .bind("parentId", code.parentId().map(CodeId::value).orElse(null))
        .bind("name", code.name())
        .bind("colour", code.colour())
        .bind("description", code.description())
        .bind("codable", code.codable())
        .bind("position", code.position())
        .execute();
  }

  @Override
  public void updateCode(Code code) {
    int rows =
        handle
            .createUpdate(
                """
                UPDATE codes SET inquiry_id = :inquiryId, parent_id = :parentId, name = :name,
                  colour = :colour, description = :description, codable = :codable,
                  sibling_position = :position
                WHERE id = :id""")
            .bind("id", code.id().value())
            .bind("inquiryId", code.inquiryId().value())
            .bind("parentId", code.parentId().map(CodeId::value).orElse(null))
            .bind("name", code.name())
            .bind("colour", code.colour())
            .bind("description", code.description())
            .bind("codable", code.codable())
            .bind("position", code.position())
            .execute();
    Rows.requireOne(rows, "Code " + code.id());
  }

  @Override
  public void changeCode(CodeId id, CodeChange change) {
    List<String> columns = new ArrayList<>();
    change.name().ifPresent(v -> columns.add("name = :name"));
    change.colour().ifPresent(v -> columns.add("colour = :colour"));
    change.description().ifPresent(v -> columns.add("description = :description"));
    change.codable().ifPresent(v -> columns.add("codable = :codable"));
    change
        .place()
        .ifPresent(
            v -> {
              columns.add("parent_id = :parentId");
              columns.add("sibling_position = :position");
            });
    if (columns.isEmpty()) {
      Rows.requireOne(findCode(id).isPresent() ? 1 : 0, "Code " + id);
      return;
    }
    var update =
        handle
            .createUpdate("UPDATE codes SET " + String.join(", ", columns) + " WHERE id = :id")
            .bind("id", id.value());
    change.name().ifPresent(v -> update.bind("name", v));
    change.colour().ifPresent(v -> update.bind("colour", v));
    change.description().ifPresent(v -> update.bind("description", v));
    change.codable().ifPresent(v -> update.bind("codable", v.booleanValue()));
    change
        .place()
        .ifPresent(
            v ->
                update
                    .bind("parentId", v.parentId().map(CodeId::value).orElse(null))
                    .bind("position", v.position()));
    Rows.requireOne(update.execute(), "Code " + id);
  }

  @Override
  public void deleteCode(CodeId id) {
    Rows.deleteById(handle, "codes", id.value(), "Code " + id);
  }

  @Override
  public Optional<Code> findCode(CodeId id) {
    return handle
        .createQuery("SELECT " + CODE_COLUMNS + " FROM codes WHERE id = :id")
        .bind("id", id.value())
        .map(JdbcCodingStore::code)
        .findOne();
  }

  @Override
  public List<Code> listCodes(InquiryId inquiry) {
    List<Code> codes =
        handle
            .createQuery(
                "SELECT "
                    + CODE_COLUMNS
                    + " FROM codes WHERE inquiry_id = :inquiry ORDER BY sibling_position, id")
            .bind("inquiry", inquiry.value())
            .map(JdbcCodingStore::code)
            .list();
    return CodeTree.depthFirst(codes);
  }

  @Override
  public void insertSegment(Segment segment) {
    handle
        .createUpdate(
            """
            INSERT INTO segments (id, source_id, start_pos, end_pos, quote)
            VALUES (:id, :sourceId, :start, :end, :quote)""")
        .bind("id", segment.id().value())
        .bind("sourceId", segment.sourceId().value())
        .bind("start", segment.start())
        .bind("end", segment.end())
        .bind("quote", segment.quote())
        .execute();
  }

  @Override
  public void deleteSegment(SegmentId id) {
    Rows.deleteById(handle, "segments", id.value(), "Segment " + id);
  }

  @Override
  public Optional<Segment> findSegment(SegmentId id) {
    return handle
        .createQuery("SELECT " + SEGMENT_COLUMNS + " FROM segments WHERE id = :id")
        .bind("id", id.value())
        .map(JdbcCodingStore::segment)
        .findOne();
  }

  @Override
  public Optional<Segment> findSegment(SourceId source, int start, int end) {
    return handle
        .createQuery(
            "SELECT "
                + SEGMENT_COLUMNS
                + " FROM segments WHERE source_id = :source AND start_pos = :start"
                + " AND end_pos = :end")
        .bind("source", source.value())
        .bind("start", start)
        .bind("end", end)
        .map(JdbcCodingStore::segment)
        .findOne();
  }

  @Override
  public List<Segment> segmentsOf(SourceId source) {
    return handle
        .createQuery(
            "SELECT "
                + SEGMENT_COLUMNS
                + " FROM segments WHERE source_id = :source ORDER BY start_pos, end_pos, id")
        .bind("source", source.value())
        .map(JdbcCodingStore::segment)
        .list();
  }

  @Override
  public void insertCoding(Coding coding) {
    handle
        .createUpdate(
            """
            INSERT INTO codings (id, segment_id, code_id, coder_id, created_at)
            VALUES (:id, :segmentId, :codeId, :coderId, :createdAt)""")
        .bind("id", coding.id().value())
        .bind("segmentId", coding.segmentId().value())
        .bind("codeId", coding.codeId().value())
        .bind("coderId", coding.coderId().value())
        .bind("createdAt", coding.createdAt().toString())
        .execute();
  }

  @Override
  public void updateCoding(Coding coding) {
    int rows =
        handle
            .createUpdate(
                """
                UPDATE codings SET segment_id = :segmentId, code_id = :codeId,
                  coder_id = :coderId, created_at = :createdAt
                WHERE id = :id""")
            .bind("id", coding.id().value())
            .bind("segmentId", coding.segmentId().value())
            .bind("codeId", coding.codeId().value())
            .bind("coderId", coding.coderId().value())
            .bind("createdAt", coding.createdAt().toString())
            .execute();
    Rows.requireOne(rows, "Coding " + coding.id());
  }

  @Override
  public void deleteCoding(CodingId id) {
    Rows.deleteById(handle, "codings", id.value(), "Coding " + id);
  }

  @Override
  public Optional<Coding> findCoding(CodingId id) {
    return handle
        .createQuery("SELECT " + CODING_COLUMNS + " FROM codings WHERE id = :id")
        .bind("id", id.value())
        .map(JdbcCodingStore::coding)
        .findOne();
  }

  @Override
  public List<Coding> codingsOfSegment(SegmentId segment) {
    return handle
        .createQuery(
            "SELECT " + CODING_COLUMNS + " FROM codings WHERE segment_id = :segment ORDER BY id")
        .bind("segment", segment.value())
        .map(JdbcCodingStore::coding)
        .list();
  }

  @Override
  public List<Coding> codingsOfSource(SourceId source) {
    return handle
        .createQuery(
            "SELECT c.id, c.segment_id, c.code_id, c.coder_id, c.created_at FROM codings c"
                + " JOIN segments s ON s.id = c.segment_id WHERE s.source_id = :source"
                + " ORDER BY c.segment_id, c.id")
        .bind("source", source.value())
        .map(JdbcCodingStore::coding)
        .list();
  }

  @Override
  public List<Coding> codingsOfCode(CodeId code) {
    return handle
        .createQuery("SELECT " + CODING_COLUMNS + " FROM codings WHERE code_id = :code ORDER BY id")
        .bind("code", code.value())
        .map(JdbcCodingStore::coding)
        .list();
  }

  @Override
  public List<CodedSpan> spans(SourceId source, int from, int to) {
    return handle
        .createQuery(
            "SELECT "
                + SPAN_COLUMNS
                + """
                 FROM segments s JOIN codings c ON c.segment_id = s.id
                WHERE s.source_id = :source AND s.start_pos < :to AND s.end_pos > :from
                ORDER BY s.start_pos, s.end_pos, c.id""")
        .bind("source", source.value())
        .bind("from", from)
        .bind("to", to)
        .map(JdbcCodingStore::span)
        .list();
  }

  @Override
  public List<CodedSpan> spansOfCode(CodeId code) {
    return handle
        .createQuery(
            "SELECT "
                + SPAN_COLUMNS
                + """
                 FROM codings c JOIN segments s ON s.id = c.segment_id
                WHERE c.code_id = :code
                ORDER BY s.source_id, s.start_pos, s.end_pos, c.id""")
        .bind("code", code.value())
        .map(JdbcCodingStore::span)
        .list();
  }

  @Override
  public void forEachSpan(InquiryId inquiry, Consumer<CodedSpan> consumer) {
    try (Stream<CodedSpan> spans =
        handle
            .createQuery(
                "SELECT "
                    + SPAN_COLUMNS
                    + """
                     FROM sources src
                    JOIN segments s ON s.source_id = src.id
                    JOIN codings c ON c.segment_id = s.id
                    WHERE src.inquiry_id = :inquiry
                    ORDER BY s.source_id, s.start_pos, s.end_pos, c.id""")
            .bind("inquiry", inquiry.value())
            .setFetchSize(STREAM_FETCH_SIZE)
            .map(JdbcCodingStore::span)
            .stream()) {
      spans.forEach(consumer);
    }
  }

  @Override
  public Map<CodeId, Integer> codingCounts(InquiryId inquiry) {
    Map<CodeId, Integer> counts = new LinkedHashMap<>();
    handle
        .createQuery(
            """
            SELECT c.code_id, COUNT(*) AS n FROM codings c JOIN codes k ON k.id = c.code_id
            WHERE k.inquiry_id = :inquiry GROUP BY c.code_id ORDER BY c.code_id""")
        .bind("inquiry", inquiry.value())
        .map((rs, context) -> Map.entry(new CodeId(rs.getLong("code_id")), rs.getInt("n")))
        .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
    return counts;
  }

  @Override
  public Map<SourceId, Integer> codingCountsBySource(InquiryId inquiry) {
    Map<SourceId, Integer> counts = new LinkedHashMap<>();
    handle
        .createQuery(
            """
            SELECT s.source_id, COUNT(*) AS n FROM sources src
            JOIN segments s ON s.source_id = src.id
            JOIN codings c ON c.segment_id = s.id
            WHERE src.inquiry_id = :inquiry GROUP BY s.source_id ORDER BY s.source_id""")
        .bind("inquiry", inquiry.value())
        .map((rs, context) -> Map.entry(new SourceId(rs.getLong("source_id")), rs.getInt("n")))
        .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
    return counts;
  }

  private static Code code(ResultSet rs, StatementContext context) throws SQLException {
    return new Code(
        new CodeId(rs.getLong("id")),
        new InquiryId(rs.getLong("inquiry_id")),
        Rows.optionalId(rs, "parent_id", CodeId::new),
        rs.getString("name"),
        rs.getString("colour"),
        rs.getString("description"),
        rs.getBoolean("codable"),
        rs.getInt("sibling_position"));
  }

  private static Segment segment(ResultSet rs, StatementContext context) throws SQLException {
    return new Segment(
        new SegmentId(rs.getLong("id")),
        new SourceId(rs.getLong("source_id")),
        rs.getInt("start_pos"),
        rs.getInt("end_pos"),
        rs.getString("quote"));
  }

  private static Coding coding(ResultSet rs, StatementContext context) throws SQLException {
    return new Coding(
        new CodingId(rs.getLong("id")),
        new SegmentId(rs.getLong("segment_id")),
        new CodeId(rs.getLong("code_id")),
        new UserId(rs.getLong("coder_id")),
        Instant.parse(rs.getString("created_at")));
  }

  private static CodedSpan span(ResultSet rs, StatementContext context) throws SQLException {
    return new CodedSpan(
        new CodingId(rs.getLong(1)),
        new SegmentId(rs.getLong(2)),
        new SourceId(rs.getLong(3)),
        rs.getInt(4),
        rs.getInt(5),
        new CodeId(rs.getLong(6)),
        new UserId(rs.getLong(7)));
  }
}
