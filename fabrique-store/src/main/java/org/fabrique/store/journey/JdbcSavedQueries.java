package org.fabrique.store.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.query.SavedQuery;
import org.fabrique.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Saved journey queries in table {@code journey_queries} (migration V180). */
final class JdbcSavedQueries {
  /**
   * Jackson, made on the first saved query read or written: every transaction builds this store,
   * and a command that never touches saved queries should not pay for loading Jackson.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final TypeReference<LinkedHashMap<String, List<String>>> PARAMETERS =
        new TypeReference<>() {};

    private Json() {}
  }

  private final Handle handle;

  JdbcSavedQueries(Handle handle) {
    this.handle = handle;
  }

  void put(SavedQuery query) {
    String parameters = write(query.parameters());
    int rows =
        handle
            .createUpdate(
                "UPDATE journey_queries SET name = :name, parameters = :parameters"
                    + " WHERE id = :id AND inquiry_id = :inquiry")
            .bind("id", query.id().value())
            .bind("inquiry", query.inquiryId().value())
            .bind("name", query.name())
            .bind("parameters", parameters)
            .execute();
    if (rows == 0) {
      handle
          .createUpdate(
              "INSERT INTO journey_queries (id, inquiry_id, name, parameters)"
                  + " VALUES (:id, :inquiry, :name, :parameters)")
          .bind("id", query.id().value())
          .bind("inquiry", query.inquiryId().value())
          .bind("name", query.name())
          .bind("parameters", parameters)
          .execute();
    }
  }

  void delete(ElementId id) {
    Rows.deleteById(handle, "journey_queries", id.value(), "Saved query " + id);
  }

  Optional<SavedQuery> find(ElementId id) {
    return handle
        .createQuery("SELECT * FROM journey_queries WHERE id = :id")
        .bind("id", id.value())
        .map(JdbcSavedQueries::query)
        .findOne();
  }

  /** By name, compared in Java so that SQLite and PostgreSQL give one order. */
  List<SavedQuery> of(InquiryId inquiry) {
    return handle
        .createQuery("SELECT * FROM journey_queries WHERE inquiry_id = :i")
        .bind("i", inquiry.value())
        .map(JdbcSavedQueries::query)
        .list()
        .stream()
        .sorted(Comparator.comparing(SavedQuery::name))
        .toList();
  }

  private static SavedQuery query(ResultSet rs, StatementContext context) throws SQLException {
    return new SavedQuery(
        new ElementId(rs.getLong("id")),
        new InquiryId(rs.getLong("inquiry_id")),
        rs.getString("name"),
        read(rs.getString("parameters")));
  }

  private static String write(Map<String, List<String>> parameters) {
    try {
      return Json.MAPPER.writeValueAsString(parameters);
    } catch (JsonProcessingException e) {
      throw new StorageException("A saved query could not be written", e);
    }
  }

  private static Map<String, List<String>> read(String json) {
    try {
      return Json.MAPPER.readValue(json, Json.PARAMETERS);
    } catch (JsonProcessingException e) {
      throw new StorageException("A saved query of the database cannot be read", e);
    }
  }
}
