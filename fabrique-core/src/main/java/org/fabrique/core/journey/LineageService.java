package org.fabrique.core.journey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.store.Store;
import org.fabrique.core.store.Transaction;

/**
 * Lineage queries: upstream and downstream of a data object or an intervention, the choices that
 * shaped a data object, the use conditions that apply to it. An adjacency index per inquiry is
 * built from the store and rebuilt when the journey's revision changes (which also catches undo,
 * redo and other servers' writes).
 */
public final class LineageService {
  /** Depth used when the caller asks for "any depth". */
  public static final int UNLIMITED = Integer.MAX_VALUE / 2;

  private final Store store;
  private final Map<InquiryId, LineageGraph> graphs = new ConcurrentHashMap<>();

  public LineageService(Store store) {
    this.store = store;
  }

  public Lineage upstream(ElementId start, int depth) {
    checkDepth(depth);
    return graphOf(start).upstream(start, depth);
  }

  public Lineage downstream(ElementId start, int depth) {
    checkDepth(depth);
    return graphOf(start).downstream(start, depth);
  }

  /** Walks upstream from one version of a data object (see {@link #versions}). */
  public Lineage upstream(ElementId dataObject, int version, int depth) {
    checkDepth(depth);
    return graphOf(dataObject, version)
        .walk(dataObject, version, depth, Lineage.Direction.UPSTREAM);
  }

  /** Walks downstream from one version of a data object (see {@link #versions}). */
  public Lineage downstream(ElementId dataObject, int version, int depth) {
    checkDepth(depth);
    return graphOf(dataObject, version)
        .walk(dataObject, version, depth, Lineage.Direction.DOWNSTREAM);
  }

  /** The versions of a data object, initial first; empty when no intervention touches it. */
  public List<DatasetVersions.Version> versions(ElementId dataObject) {
    return graphOf(dataObject).versions().versions(dataObject);
  }

  /**
   * The data objects and interventions within {@code depth} steps upstream and downstream of a data
   * object or an intervention (see {@link Neighbourhood}).
   */
  public Neighbourhood around(ElementId start, int depth) {
    checkDepth(depth);
    return graphOf(start).around(start, depth);
  }

  /** How many interventions and data object versions the inquiry's lineage index holds. */
  public int size(InquiryId inquiry) {
    return store.inTransaction(tx -> graphOf(tx, inquiry)).nodeCount();
  }

  /**
   * The interventions of an inquiry, the one that generated the latest version first (by time,
   * undated ones after the dated, by id), then those that generated nothing.
   */
  public List<ElementId> latestInterventions(InquiryId inquiry, int limit) {
    DatasetVersions versions = versions(inquiry);
    return versions.generators().stream().limit(limit).toList();
  }

  /** The versions of every data object of an inquiry. */
  public DatasetVersions versions(InquiryId inquiry) {
    return store.inTransaction(tx -> graphOf(tx, inquiry)).versions();
  }

  private LineageGraph graphOf(ElementId dataObject, int version) {
    LineageGraph graph = graphOf(dataObject);
    if (graph.versions().version(dataObject, version).isEmpty()) {
      throw new NotFoundException(
          "There is no version " + version + " of data object " + dataObject);
    }
    return graph;
  }

  /** Every choice about the data object or any element on its upstream path, by id. */
  public List<Choice> choicesShaping(ElementId dataObject) {
    Lineage lineage = upstream(dataObject, UNLIMITED);
    Set<ElementId> path = new HashSet<>();
    path.add(dataObject);
    lineage.nodes().forEach(n -> path.add(n.id()));
    InquiryId inquiry = inquiryOf(dataObject);
    return store.inTransaction(
        tx ->
            tx.journeys().list(inquiry, ItemKind.CHOICE).stream()
                .map(Choice.class::cast)
                .filter(c -> c.about().stream().anyMatch(path::contains))
                .toList());
  }

  /** The use conditions of a data object, propagated from everything upstream of it. */
  public ConditionReport conditions(ElementId dataObject) {
    Lineage lineage = upstream(dataObject, UNLIMITED);
    Set<ElementId> ids = new HashSet<>();
    ids.add(dataObject);
    lineage.nodes().forEach(n -> ids.add(n.id()));
    Map<ElementId, JourneyElement> elements = new HashMap<>();
    store.inTransaction(
        tx -> {
          tx.journeys().findAll(ids).forEach(e -> elements.put(e.id(), e));
          return null;
        });
    Map<ElementId, List<ElementId>> producers = new HashMap<>();
    for (JourneyElement element : elements.values()) {
      if (element instanceof Intervention intervention) {
        for (ElementId output : intervention.outputs()) {
          producers.computeIfAbsent(output, k -> new ArrayList<>()).add(intervention.id());
        }
      }
    }
    Propagation propagation = new Propagation(elements, producers);
    Map<String, ConditionReport.Applied> applied = propagation.of(dataObject);
    return new ConditionReport(
        dataObject, List.copyOf(applied.values()), List.copyOf(propagation.lifted.values()));
  }

  /** Forgets an inquiry's index; the next query rebuilds it. */
  public void invalidate(InquiryId inquiry) {
    graphs.remove(inquiry);
  }

  private LineageGraph graphOf(ElementId start) {
    return store.inTransaction(
        tx -> {
          JourneyElement element =
              tx.journeys()
                  .find(start)
                  .orElseThrow(() -> new NotFoundException("There is no journey element " + start));
          if (element.kind() != ItemKind.DATA_OBJECT && element.kind() != ItemKind.INTERVENTION) {
            throw new InvalidInputException("Lineage starts from a data object or an intervention");
          }
          return graphOf(tx, element.inquiryId());
        });
  }

  private LineageGraph graphOf(Transaction tx, InquiryId inquiry) {
    long revision = tx.journeys().revision(inquiry);
    LineageGraph graph = graphs.get(inquiry);
    if (graph == null || graph.revision() != revision) {
      graph = LineageGraph.of(revision, tx.journeys().flows(inquiry));
      graphs.put(inquiry, graph);
    }
    return graph;
  }

  private InquiryId inquiryOf(ElementId id) {
    return store.inTransaction(
        tx ->
            tx.journeys()
                .find(id)
                .map(JourneyElement::inquiryId)
                .orElseThrow(() -> new NotFoundException("There is no journey element " + id)));
  }

  private static void checkDepth(int depth) {
    if (depth < 0) {
      throw new InvalidInputException("A depth is 0 or more");
    }
  }

  /** Propagates conditions downstream, memoised per data object, guarding against cycles. */
  private static final class Propagation {
    private final Map<ElementId, JourneyElement> elements;
    private final Map<ElementId, List<ElementId>> producers;
    private final Map<ElementId, Map<String, ConditionReport.Applied>> done = new HashMap<>();
    private final Set<ElementId> inProgress = new HashSet<>();
    private final Map<String, ConditionReport.Lifted> lifted = new LinkedHashMap<>();

    Propagation(
        Map<ElementId, JourneyElement> elements, Map<ElementId, List<ElementId>> producers) {
      this.elements = elements;
      this.producers = producers;
    }

    Map<String, ConditionReport.Applied> of(ElementId object) {
      Map<String, ConditionReport.Applied> known = done.get(object);
      if (known != null) {
        return known;
      }
      if (!inProgress.add(object)) {
        return Map.of();
      }
      Map<String, ConditionReport.Applied> result = new LinkedHashMap<>();
      if (elements.get(object) instanceof DataObject data) {
        for (UseCondition condition : data.useConditions()) {
          result.putIfAbsent(
              condition.term(), new ConditionReport.Applied(condition, object, List.of()));
        }
      }
      for (ElementId producer : producers.getOrDefault(object, List.of())) {
        if (!(elements.get(producer) instanceof Intervention intervention)) {
          continue;
        }
        for (ElementId input : intervention.inputs()) {
          of(input).forEach(result::putIfAbsent);
        }
        for (ConditionChange change : intervention.conditionChanges()) {
          String term = change.condition().term();
          if (change.effect() == ConditionChange.Effect.ADD) {
            result.put(
                term,
                new ConditionReport.Applied(
                    change.condition(),
                    intervention.id(),
                    change.choice().map(List::of).orElse(List.of())));
          } else {
            ConditionReport.Applied removed = result.remove(term);
            if (removed != null) {
              lifted.putIfAbsent(
                  term + "@" + intervention.id(),
                  new ConditionReport.Lifted(
                      removed.condition(), removed.origin(), intervention.id(), change.choice()));
            }
          }
        }
      }
      inProgress.remove(object);
      done.put(object, result);
      return result;
    }
  }
}
