package org.fabrique.core.journey.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.Require;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.store.Transaction;

/** The operations on saved journey queries. */
public final class QueryOperations {
  public static final List<Map.Entry<String, Class<? extends Operation>>> TYPES =
      List.of(
          Map.entry("journey.query.save", SaveQuery.class),
          Map.entry("journey.query.delete", DeleteQuery.class));

  private QueryOperations() {}

  /** Saves a query under its name: a new one, or a new state of one saved before (same id). */
  public record SaveQuery(SavedQuery query) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      boolean taken =
          tx.journeys().queries(query.inquiryId()).stream()
              .anyMatch(q -> q.name().equals(query.name()) && !q.id().equals(query.id()));
      Require.state(!taken, "A query named " + query.name() + " exists already");
      Optional<SavedQuery> before = tx.journeys().findQuery(query.id());
      tx.journeys().putQuery(query);
      return before.<Operation>map(SaveQuery::new).orElseGet(() -> new DeleteQuery(query.id()));
    }

    @Override
    public String describe() {
      return "Saved the journey query " + query.id();
    }
  }

  /** Deletes a saved query. */
  public record DeleteQuery(ElementId queryId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      SavedQuery before =
          Require.present(tx.journeys().findQuery(queryId), "Saved query " + queryId);
      tx.journeys().deleteQuery(queryId);
      return new SaveQuery(before);
    }

    @Override
    public String describe() {
      return "Deleted the journey query " + queryId;
    }
  }
}
