package org.fabrique.core.journey.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabrique.core.analysis.TextTable;
import org.fabrique.core.inquiry.Domain;

/**
 * Journey query results in the two shapes exports need: a flat table (one line per element; its
 * actors, quotes and linked elements in one cell each) and plain JSON values (maps, lists, strings
 * and numbers, ids as numbers), the same for the API and the command line.
 */
public final class QueryTables {
  public static final List<String> HEADERS =
      List.of(
          "id",
          "kind",
          "label",
          "case",
          "domain",
          "type",
          "status",
          "dimensions",
          "decision mode",
          "resolution mode",
          "known by",
          "date",
          "rationale",
          "actors",
          "quotes",
          "linked");

  private QueryTables() {}

  /** One line per element. */
  public static TextTable table(String title, List<JourneyRow> rows) {
    List<List<String>> lines = new ArrayList<>();
    for (JourneyRow row : rows) {
      lines.add(
          List.of(
              Long.toString(row.id().value()),
              row.kind().id(),
              row.label(),
              row.caseName(),
              row.domain().map(Domain::id).orElse(""),
              row.type(),
              row.status(),
              String.join(", ", row.dimensions()),
              row.decisionMode(),
              row.resolutionMode(),
              row.knownBy().id(),
              row.date().map(Object::toString).orElse(""),
              row.rationale(),
              String.join("; ", row.actors().stream().map(QueryTables::actor).toList()),
              String.join("\n", row.quotes().stream().map(QueryTables::quote).toList()),
              String.join("; ", row.related().stream().map(QueryTables::related).toList())));
    }
    return new TextTable(title, HEADERS, lines);
  }

  /** "BIO-1 (bioinformatician, Genome centre): decided". */
  public static String actor(JourneyRow.RowActor actor) {
    List<String> about = new ArrayList<>();
    if (!actor.category().isEmpty()) {
      about.add(actor.category());
    }
    if (!actor.institution().isEmpty()) {
      about.add(actor.institution());
    }
    String who =
        about.isEmpty()
            ? actor.pseudonym()
            : actor.pseudonym() + " (" + String.join(", ", about) + ")";
    String role = actor.role().isEmpty() ? "" : ": " + actor.role();
    String detail = actor.detail().isEmpty() ? "" : " — " + actor.detail();
    return who + role + detail;
  }

  /** “the quote” (Interview DC04, 12:31) [codes]. */
  public static String quote(JourneyRow.Quote quote) {
    String codes =
        quote.codes().isEmpty()
            ? ""
            : " ["
                + String.join(", ", quote.codes().stream().map(JourneyRow.CodeLabel::name).toList())
                + "]";
    String text = quote.text().isEmpty() ? "" : "“" + quote.text() + "” ";
    return text + "(" + quote.citation() + ")" + codes;
  }

  /** "tension 12 Consent scope (resolved, negotiation: A narrower consent form)". */
  public static String related(JourneyRow.Related related) {
    List<String> about = new ArrayList<>();
    if (!related.status().isEmpty()) {
      about.add(related.status());
    }
    if (!related.resolutionMode().isEmpty()) {
      about.add(
          related.resolutionMode()
              + (related.resolution().isEmpty() ? "" : ": " + related.resolution()));
    }
    return related.kind().id()
        + " "
        + related.id().value()
        + " "
        + related.label()
        + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")");
  }

  /** The rows as plain JSON values. */
  public static List<Map<String, Object>> json(List<JourneyRow> rows) {
    return rows.stream().map(QueryTables::json).toList();
  }

  private static Map<String, Object> json(JourneyRow row) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", row.id().value());
    out.put("kind", row.kind().id());
    out.put("label", row.label());
    out.put("case", row.caseId().map(c -> (Object) c.value()).orElse(null));
    out.put("caseName", row.caseName());
    out.put("domain", row.domain().map(Domain::id).orElse(null));
    out.put("type", row.type());
    out.put("status", row.status());
    out.put("dimensions", row.dimensions());
    out.put("decisionMode", row.decisionMode());
    out.put("resolutionMode", row.resolutionMode());
    out.put("knownBy", row.knownBy().id());
    out.put("date", row.date().map(Object::toString).orElse(null));
    out.put("rationale", row.rationale());
    out.put(
        "actors",
        row.actors().stream()
            .map(
                a -> {
                  Map<String, Object> actor = new LinkedHashMap<>();
                  actor.put("id", a.id().value());
                  actor.put("pseudonym", a.pseudonym());
                  actor.put("category", a.category());
                  actor.put("institution", a.institution());
                  actor.put("role", a.role());
                  actor.put("detail", a.detail());
                  return actor;
                })
            .toList());
    out.put(
        "quotes",
        row.quotes().stream()
            .map(
                q -> {
                  Map<String, Object> quote = new LinkedHashMap<>();
                  quote.put("evidence", q.evidenceId().value());
                  quote.put("source", q.sourceId().value());
                  quote.put("sourceTitle", q.sourceTitle());
                  quote.put("start", q.span().map(s -> (Object) s.start()).orElse(null));
                  quote.put("end", q.span().map(s -> (Object) s.end()).orElse(null));
                  quote.put("text", q.text());
                  quote.put("speaker", q.speaker().orElse(null));
                  quote.put("timestamp", q.timestamp().orElse(null));
                  quote.put("citation", q.citation());
                  quote.put(
                      "codes",
                      q.codes().stream()
                          .map(c -> Map.<String, Object>of("id", c.id().value(), "name", c.name()))
                          .toList());
                  return quote;
                })
            .toList());
    out.put(
        "linked",
        row.related().stream()
            .map(
                r -> {
                  Map<String, Object> linked = new LinkedHashMap<>();
                  linked.put("id", r.id().value());
                  linked.put("kind", r.kind().id());
                  linked.put("label", r.label());
                  linked.put("status", r.status());
                  linked.put("resolutionMode", r.resolutionMode());
                  linked.put("resolution", r.resolution());
                  return linked;
                })
            .toList());
    return out;
  }
}
