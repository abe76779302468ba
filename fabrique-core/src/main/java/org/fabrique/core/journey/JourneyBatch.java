package org.fabrique.core.journey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.history.Operation;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.kind.ElementKinds;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.store.Transaction;

/**
 * Elements created and changed in one transaction, checked as they come and applied together as one
 * action of the history. Lookups see the batch's own elements.
 */
public final class JourneyBatch {
  private final Transaction tx;
  private final InquiryId inquiry;
  private final Map<ElementId, JourneyElement> pending = new HashMap<>();
  private final Map<String, ElementId> pendingNames = new HashMap<>();
  private final List<Operation> operations = new ArrayList<>();
  private final JourneyRules rules;

  JourneyBatch(Transaction tx, InquiryId inquiry) {
    this.tx = tx;
    this.inquiry = inquiry;
    // one set of rules for the batch: the inquiry's vocabularies are read once
    this.rules = new JourneyRules(tx, this::find);
  }

  public InquiryId inquiry() {
    return inquiry;
  }

  public ElementId newId() {
    return new ElementId(tx.newId());
  }

  public Optional<JourneyElement> find(ElementId id) {
    JourneyElement mine = pending.get(id);
    return mine != null ? Optional.of(mine) : tx.journeys().find(id);
  }

  /** The element of a kind that other systems know under this name. */
  public Optional<JourneyElement> findByExternalName(ItemKind kind, String name) {
    ElementId mine = pendingNames.get(kind.id() + "\n" + name);
    if (mine != null) {
      return Optional.of(pending.get(mine));
    }
    return tx.journeys().findByExternalName(inquiry, kind, name);
  }

  public <T extends JourneyElement> T create(T element) {
    requireInquiry(element);
    if (find(element.id()).isPresent()) {
      throw new InvalidInputException("Element " + element.id() + " exists already");
    }
    rules.check(element);
    remember(element);
    operations.add(createOperation(element));
    return element;
  }

  public <T extends JourneyElement> T update(T element) {
    requireInquiry(element);
    JourneyElement before =
        find(element.id())
            .orElseThrow(() -> new InvalidInputException("There is no element " + element.id()));
    if (before.kind() != element.kind()) {
      throw new InvalidInputException("Element " + element.id() + " cannot change kind");
    }
    rules.check(element);
    remember(element);
    operations.add(updateOperation(element));
    return element;
  }

  /**
   * Links an element of the batch (or one stored) to a passage of a source of the inquiry, the
   * evidence's quote already taken from the source's text by the caller.
   */
  public Evidence addEvidence(Evidence evidence) {
    if (!evidence.inquiryId().equals(inquiry)) {
      throw new InvalidInputException("The evidence belongs to another inquiry");
    }
    if (find(new ElementId(evidence.element().id())).isEmpty()) {
      throw new InvalidInputException("There is no element " + evidence.element().id());
    }
    tx.corpus()
        .findSource(evidence.sourceId())
        .filter(source -> source.inquiryId().equals(inquiry))
        .orElseThrow(
            () -> new InvalidInputException("There is no source " + evidence.sourceId() + " here"));
    operations.add(new JourneyLinkOperations.AddEvidence(evidence));
    return evidence;
  }

  List<Operation> operations() {
    return List.copyOf(operations);
  }

  private void remember(JourneyElement element) {
    pending.put(element.id(), element);
    externalName(element)
        .ifPresent(n -> pendingNames.put(element.kind().id() + "\n" + n, element.id()));
  }

  private void requireInquiry(JourneyElement element) {
    if (!element.inquiryId().equals(inquiry)) {
      throw new InvalidInputException("Element " + element.id() + " belongs to another inquiry");
    }
  }

  private static Optional<String> externalName(JourneyElement element) {
    String name = element.externalName();
    return name.isEmpty() ? Optional.empty() : Optional.of(name);
  }

  private static Operation createOperation(JourneyElement element) {
    return ElementKinds.of(element).create(element);
  }

  private static Operation updateOperation(JourneyElement element) {
    return ElementKinds.of(element).update(element);
  }
}
