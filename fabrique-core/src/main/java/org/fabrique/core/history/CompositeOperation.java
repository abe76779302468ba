package org.fabrique.core.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.fabrique.core.store.Transaction;

/** Several operations applied as one; undone together, in reverse order. */
public record CompositeOperation(String description, List<Operation> steps) implements Operation {
  public CompositeOperation {
    steps = List.copyOf(steps);
  }

  @Override
  public Operation apply(Transaction tx) {
    List<Operation> inverses = new ArrayList<>(steps.size());
    for (Operation step : steps) {
      inverses.add(step.apply(tx));
    }
    Collections.reverse(inverses);
    return new CompositeOperation("Undo: " + description, inverses);
  }

  @Override
  public Operation applyLeniently(Transaction tx, Setbacks setbacks) {
    List<Operation> inverses = new ArrayList<>(steps.size());
    for (Operation step : steps) {
      inverses.add(step.applyLeniently(tx, setbacks));
    }
    Collections.reverse(inverses);
    return new CompositeOperation("Undo: " + description, inverses);
  }

  @Override
  public String describe() {
    return description;
  }
}
