package org.fabrique.web.analysis;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fabrique.core.analysis.JourneyAnalytics;
import org.fabrique.core.analysis.Matrix;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.vocabulary.VocabularyName;
import org.fabrique.web.Page;

/**
 * The labels of the journey-analytics matrices in the page's language (their keys are vocabulary
 * ids, dimensions and domains, joined by " · "), and for each cell the journey query that lists its
 * elements with their quotes (none for cells about elements without a value, "—").
 */
final class JourneyTableLabels {
  private static final String JOIN = " · ";

  private final JourneyService journeys;
  private final InquiryId inquiry;
  private final Page page;
  private final Locale locale;
  private final boolean byCase;
  private final java.util.Map<VocabularyName, org.fabrique.core.vocabulary.Vocabulary>
      vocabularies = new java.util.EnumMap<>(VocabularyName.class);

  JourneyTableLabels(JourneyService journeys, InquiryId inquiry, Page page, boolean byCase) {
    this.journeys = journeys;
    this.inquiry = inquiry;
    this.page = page;
    this.locale = Locale.forLanguageTag(page.lang().code());
    this.byCase = byCase;
  }

  /** What the parts of a table's row keys and its column keys are. */
  private enum Part {
    DIMENSION,
    INTERVENTION_TYPE,
    NATURE,
    MODE,
    ROLE,
    COLUMN
  }

  private static List<Part> rowParts(String table) {
    return switch (table) {
      case "choices" -> List.of(Part.DIMENSION, Part.INTERVENTION_TYPE);
      case "tensions" -> List.of(Part.NATURE);
      case "tensions-across" -> List.of(Part.NATURE, Part.MODE);
      default -> List.of(Part.ROLE);
    };
  }

  private static Part columnPart(String table) {
    return switch (table) {
      case "tensions" -> Part.MODE;
      case "roles" -> Part.INTERVENTION_TYPE;
      default -> Part.COLUMN;
    };
  }

  List<String> rows(String table, Matrix matrix) {
    List<Part> parts = rowParts(table);
    List<String> labels = new ArrayList<>();
    for (Matrix.Header row : matrix.rows()) {
      String[] keys = row.key().split(JOIN, -1);
      List<String> translated = new ArrayList<>();
      for (int i = 0; i < keys.length; i++) {
        translated.add(label(i < parts.size() ? parts.get(i) : Part.COLUMN, keys[i]));
      }
      labels.add(String.join(JOIN, translated));
    }
    return labels;
  }

  List<String> columns(String table, Matrix matrix) {
    Part part = columnPart(table);
    return matrix.columns().stream()
        .map(c -> part == Part.COLUMN && byCase ? c.label() : label(part, c.key()))
        .toList();
  }

  /** The matrix with its labels in the page's language (for its chart). */
  Matrix translated(String table, Matrix matrix) {
    List<String> rowLabels = rows(table, matrix);
    List<String> columnLabels = columns(table, matrix);
    List<Matrix.Header> rowHeaders = new ArrayList<>();
    for (int i = 0; i < rowLabels.size(); i++) {
      rowHeaders.add(new Matrix.Header(matrix.rows().get(i).key(), rowLabels.get(i)));
    }
    List<Matrix.Header> columnHeaders = new ArrayList<>();
    for (int i = 0; i < columnLabels.size(); i++) {
      columnHeaders.add(new Matrix.Header(matrix.columns().get(i).key(), columnLabels.get(i)));
    }
    return new Matrix(corner(table), rowHeaders, columnHeaders, matrix.cells());
  }

  /** What the rows and the columns of a table are, in the page's language. */
  String corner(String table) {
    return page.t(
        "analysis.journeys.corner." + table,
        page.t(byCase ? "analysis.journeys.corner.case" : "analysis.journeys.corner.domain"));
  }

  /** For each cell, the query page listing its elements, or "" when it cannot be asked. */
  List<List<String>> links(String table, Matrix matrix) {
    List<Part> parts = rowParts(table);
    Part columnPart = columnPart(table);
    String kind =
        "choices".equals(table) ? "choice" : "roles".equals(table) ? "intervention" : "tension";
    List<List<String>> links = new ArrayList<>();
    for (Matrix.Header row : matrix.rows()) {
      String[] keys = row.key().split(JOIN, -1);
      List<String> line = new ArrayList<>();
      for (Matrix.Header column : matrix.columns()) {
        StringBuilder query = new StringBuilder("kind=" + kind);
        boolean askable = true;
        for (int i = 0; i < keys.length && i < parts.size(); i++) {
          askable &= append(query, parts.get(i), keys[i]);
        }
        askable &= append(query, columnPart, column.key());
        line.add(askable ? "/inquiries/" + inquiry.value() + "/journey/query?" + query : "");
      }
      links.add(line);
    }
    return links;
  }

  private boolean append(StringBuilder query, Part part, String key) {
    if (JourneyAnalytics.NONE.equals(key)) {
      return false;
    }
    String name =
        switch (part) {
          case DIMENSION -> "dimension";
          case INTERVENTION_TYPE -> "intervention-type";
          case NATURE -> "type";
          case MODE -> "resolution-mode";
          case ROLE -> "role";
          case COLUMN -> byCase ? "case" : "domain";
        };
    query
        .append('&')
        .append(name)
        .append('=')
        .append(URLEncoder.encode(key, StandardCharsets.UTF_8));
    return true;
  }

  private String label(Part part, String key) {
    if (JourneyAnalytics.NONE.equals(key)) {
      return key;
    }
    return switch (part) {
      case DIMENSION -> page.t("journey.dimension." + key);
      case INTERVENTION_TYPE -> term(VocabularyName.INTERVENTION_TYPES, key);
      case NATURE -> term(VocabularyName.TENSION_NATURES, key);
      case MODE -> term(VocabularyName.RESOLUTION_MODES, key);
      case ROLE -> term(VocabularyName.ROLES, key);
      case COLUMN -> Domain.fromId(key).map(page::domain).orElse(key);
    };
  }

  private String term(VocabularyName name, String id) {
    return vocabularies
        .computeIfAbsent(name, n -> journeys.vocabulary(inquiry, n))
        .term(id)
        .map(t -> t.label(locale))
        .orElse(id);
  }
}
