package org.fabrique.core.journey;

import java.util.List;

/** An option considered for a choice, and who proposed it. */
public record ChoiceOption(String label, List<ElementId> proposedBy) {
  public ChoiceOption {
    label = label == null ? "" : label.strip();
    proposedBy = List.copyOf(proposedBy);
  }
}
