package org.fabrique.core.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.Participation;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.store.Store;

/**
 * Journey analytics: how reuse is worked out, compared across cases and domains. Each result is a
 * {@link Matrix} whose cells count elements (in {@link Matrix.Cell#segments()}, the measure {@link
 * Matrix.Measure#SEGMENTS}), so that the tables, charts and exports of code matrices serve here
 * too.
 */
public final class JourneyAnalytics {
  /** The label of elements without a value (a choice about no intervention, an open tension). */
  public static final String NONE = "—";

  private final Store store;

  public JourneyAnalytics(Store store) {
    this.store = store;
  }

  /** What the columns of a journey matrix compare. */
  public enum Across {
    DOMAINS,
    CASES
  }

  private record Journeys(
      Map<ElementId, JourneyElement> elements,
      List<Participation> participations,
      List<Case> cases) {}

  private Journeys read(InquiryId inquiry) {
    return store.inTransaction(
        tx -> {
          tx.inquiries()
              .findInquiry(inquiry)
              .orElseThrow(() -> new NotFoundException("There is no inquiry " + inquiry));
          Map<ElementId, JourneyElement> elements = new LinkedHashMap<>();
          tx.journeys().list(inquiry).forEach(e -> elements.put(e.id(), e));
          return new Journeys(
              elements, tx.journeys().participations(inquiry), tx.inquiries().listCases(inquiry));
        });
  }

  /**
   * Choices by dimension and by the type of the interventions they shaped (rows "dimension ·
   * intervention type"), across domains or cases. A choice counts once in each row it belongs to.
   */
  public Matrix choices(InquiryId inquiry, Across across) {
    Journeys journeys = read(inquiry);
    Counter counter = new Counter();
    for (JourneyElement element : journeys.elements().values()) {
      if (!(element instanceof Choice choice)) {
        continue;
      }
      TreeSet<String> types = new TreeSet<>();
      for (ElementId about : choice.about()) {
        if (journeys.elements().get(about) instanceof Intervention intervention) {
          types.add(intervention.type().isEmpty() ? NONE : intervention.type());
        }
      }
      if (types.isEmpty()) {
        types.add(NONE);
      }
      String column = column(choice.header().caseId(), journeys.cases(), across);
      List<Dimension> dimensions = choice.dimensions().stream().sorted().toList();
      for (Dimension dimension : dimensions.isEmpty() ? List.<Dimension>of() : dimensions) {
        for (String type : types) {
          counter.add(dimension.id() + " · " + type, column);
        }
      }
      if (dimensions.isEmpty()) {
        types.forEach(type -> counter.add(NONE + " · " + type, column));
      }
    }
    return counter.matrix(
        "Dimension · intervention type / " + across(across), columns(journeys, across));
  }

  /** Tensions by nature (rows) and how they were resolved (columns; open ones under "—"). */
  public Matrix tensions(InquiryId inquiry) {
    Journeys journeys = read(inquiry);
    Counter counter = new Counter();
    for (JourneyElement element : journeys.elements().values()) {
      if (element instanceof Tension tension) {
        counter.add(orNone(tension.nature()), orNone(tension.resolutionMode()));
      }
    }
    return counter.matrix("Tension nature / resolution mode", counter.seenColumns());
  }

  /** Tensions by nature and resolution mode (rows "nature · mode"), across domains or cases. */
  public Matrix tensionsAcross(InquiryId inquiry, Across across) {
    Journeys journeys = read(inquiry);
    Counter counter = new Counter();
    for (JourneyElement element : journeys.elements().values()) {
      if (element instanceof Tension tension) {
        counter.add(
            orNone(tension.nature()) + " · " + orNone(tension.resolutionMode()),
            column(tension.header().caseId(), journeys.cases(), across));
      }
    }
    return counter.matrix(
        "Tension nature · resolution / " + across(across), columns(journeys, across));
  }

  /** Actors' roles (rows) in interventions, by intervention type (columns). */
  public Matrix roles(InquiryId inquiry) {
    Journeys journeys = read(inquiry);
    Counter counter = new Counter();
    for (Participation participation : journeys.participations()) {
      if (participation.target().kind() != ItemKind.INTERVENTION) {
        continue;
      }
      JourneyElement target = journeys.elements().get(new ElementId(participation.target().id()));
      if (target instanceof Intervention intervention) {
        counter.add(orNone(participation.role()), orNone(intervention.type()));
      }
    }
    return counter.matrix("Role / intervention type", counter.seenColumns());
  }

  private static String orNone(String value) {
    return value == null || value.isBlank() ? NONE : value;
  }

  private static String across(Across across) {
    return across == Across.DOMAINS ? "Domain" : "Case";
  }

  private static String column(Optional<CaseId> caseId, List<Case> cases, Across across) {
    if (caseId.isEmpty()) {
      return NONE;
    }
    Optional<Case> found = cases.stream().filter(c -> c.id().equals(caseId.get())).findFirst();
    if (found.isEmpty()) {
      return NONE;
    }
    return across == Across.DOMAINS ? found.get().domain().id() : found.get().id().toString();
  }

  /** Every domain or case, in order, then "—" for elements outside any case. */
  private static List<Matrix.Header> columns(Journeys journeys, Across across) {
    List<Matrix.Header> headers = new ArrayList<>();
    if (across == Across.DOMAINS) {
      new TreeSet<>(journeys.cases().stream().map(c -> c.domain().id()).toList())
          .forEach(d -> headers.add(new Matrix.Header(d, d)));
    } else {
      journeys.cases().forEach(c -> headers.add(new Matrix.Header(c.id().toString(), c.name())));
    }
    headers.add(new Matrix.Header(NONE, NONE));
    return headers;
  }

  /** Counts by row and column labels. */
  private static final class Counter {
    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
    private final TreeSet<String> columns = new TreeSet<>();

    void add(String row, String column) {
      counts.computeIfAbsent(row, k -> new HashMap<>()).merge(column, 1, Integer::sum);
      columns.add(column);
    }

    List<Matrix.Header> seenColumns() {
      return columns.stream().map(c -> new Matrix.Header(c, c)).toList();
    }

    Matrix matrix(String corner, List<Matrix.Header> columnHeaders) {
      List<Matrix.Header> rows = new ArrayList<>();
      List<List<Matrix.Cell>> cells = new ArrayList<>();
      for (Map.Entry<String, Map<String, Integer>> row : counts.entrySet()) {
        rows.add(new Matrix.Header(row.getKey(), row.getKey()));
        List<Matrix.Cell> line = new ArrayList<>();
        for (Matrix.Header column : columnHeaders) {
          int n = row.getValue().getOrDefault(column.key(), 0);
          line.add(n == 0 ? Matrix.Cell.EMPTY : new Matrix.Cell(n, 0, 0));
        }
        cells.add(line);
      }
      return new Matrix(corner, rows, columnHeaders, cells);
    }
  }
}
