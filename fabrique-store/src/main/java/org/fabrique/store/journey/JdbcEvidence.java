package org.fabrique.store.journey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.coding.SegmentId;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.Span;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The passages of sources that back journey elements, in table {@code journey_evidence} (V20). */
final class JdbcEvidence {
  private static final String COLUMNS =
      "id, inquiry_id, element_kind, element_id, source_id, start_pos, end_pos, quote, segment_id,"
          + " note, confidentiality";

  private final Handle handle;

  JdbcEvidence(Handle handle) {
    this.handle = handle;
  }

  void insert(Evidence evidence) {
    handle
        .createUpdate(
            "INSERT INTO journey_evidence ("
                + COLUMNS
                + ") VALUES (:id, :inquiry, :kind, :element, :source, :start, :end, :quote,"
                + " :segment, :note, :confidentiality)")
        .bind("id", evidence.id().value())
        .bind("inquiry", evidence.inquiryId().value())
        .bind("kind", evidence.element().kind().id())
        .bind("element", evidence.element().id())
        .bind("source", evidence.sourceId().value())
        .bind("start", evidence.span().map(Span::start).orElse(null))
        .bind("end", evidence.span().map(Span::end).orElse(null))
        .bind("quote", evidence.quote())
        .bind("segment", evidence.segmentId().map(SegmentId::value).orElse(null))
        .bind("note", evidence.note())
        .bind("confidentiality", evidence.confidentiality().id())
        .execute();
  }

  void delete(ElementId id) {
    Rows.deleteById(handle, "journey_evidence", id.value(), "Evidence " + id);
  }

  Optional<Evidence> find(ElementId id) {
    return evidenceWhere("id = :v", id.value(), null).stream().findFirst();
  }

  List<Evidence> of(InquiryId inquiry) {
    return evidenceWhere("inquiry_id = :v", inquiry.value(), null);
  }

  List<Evidence> of(ItemRef element) {
    return evidenceWhere(
        "element_kind = :k AND element_id = :v", element.id(), element.kind().id());
  }

  List<Evidence> inSource(SourceId source) {
    return evidenceWhere("source_id = :v", source.value(), null);
  }

  private List<Evidence> evidenceWhere(String where, long value, String kind) {
    var query =
        handle
            .createQuery(
                "SELECT " + COLUMNS + " FROM journey_evidence WHERE " + where + " ORDER BY id")
            .bind("v", value);
    if (kind != null) {
      query.bind("k", kind);
    }
    return query.map(JdbcEvidence::evidence).list();
  }

  private static Evidence evidence(ResultSet rs, StatementContext context) throws SQLException {
    int start = rs.getInt("start_pos");
    boolean whole = rs.wasNull();
    int end = rs.getInt("end_pos");
    String confidentiality = rs.getString("confidentiality");
    return new Evidence(
        new ElementId(rs.getLong("id")),
        new InquiryId(rs.getLong("inquiry_id")),
        new ItemRef(Rows.itemKind(rs.getString("element_kind")), rs.getLong("element_id")),
        new SourceId(rs.getLong("source_id")),
        whole ? Optional.empty() : Optional.of(new Span(start, end)),
        rs.getString("quote"),
        Rows.optionalId(rs, "segment_id", SegmentId::new),
        rs.getString("note"),
        Confidentiality.fromId(confidentiality)
            .orElseThrow(() -> new SQLException("Unknown confidentiality " + confidentiality)));
  }
}
