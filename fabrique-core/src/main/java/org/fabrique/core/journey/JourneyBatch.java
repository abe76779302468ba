package org.fabrique.core.journey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.history.Operation;
import org.fabrique.core.inquiry.InquiryId;
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
    if (element instanceof DataObject object && !object.externalName().isEmpty()) {
      return Optional.of(object.externalName());
    }
    if (element instanceof Intervention intervention && !intervention.externalName().isEmpty()) {
      return Optional.of(intervention.externalName());
    }
    return Optional.empty();
  }

  static ItemKind kindOf(Class<? extends JourneyElement> type) {
    if (type == DataObject.class) {
      return ItemKind.DATA_OBJECT;
    } else if (type == Intervention.class) {
      return ItemKind.INTERVENTION;
    } else if (type == Actor.class) {
      return ItemKind.ACTOR;
    } else if (type == Choice.class) {
      return ItemKind.CHOICE;
    } else if (type == Tension.class) {
      return ItemKind.TENSION;
    } else if (type == Use.class) {
      return ItemKind.USE;
    } else if (type == Procedure.class) {
      return ItemKind.PROCEDURE;
    } else if (type == KnowledgeClaim.class) {
      return ItemKind.KNOWLEDGE_CLAIM;
    }
    throw new IllegalArgumentException("Not a journey element type: " + type);
  }

  static Operation createOperation(JourneyElement element) {
    if (element instanceof DataObject e) {
      return new ElementOperations.CreateDataObject(e);
    } else if (element instanceof Intervention e) {
      return new ElementOperations.CreateIntervention(e);
    } else if (element instanceof Actor e) {
      return new ElementOperations.CreateActor(e);
    } else if (element instanceof Choice e) {
      return new ElementOperations.CreateChoice(e);
    } else if (element instanceof Tension e) {
      return new ElementOperations.CreateTension(e);
    } else if (element instanceof Use e) {
      return new ElementOperations.CreateUse(e);
    } else if (element instanceof Procedure e) {
      return new ElementOperations.CreateProcedure(e);
    }
    return new ElementOperations.CreateKnowledgeClaim((KnowledgeClaim) element);
  }

  static Operation updateOperation(JourneyElement element) {
    if (element instanceof DataObject e) {
      return new ElementOperations.UpdateDataObject(e);
    } else if (element instanceof Intervention e) {
      return new ElementOperations.UpdateIntervention(e);
    } else if (element instanceof Actor e) {
      return new ElementOperations.UpdateActor(e);
    } else if (element instanceof Choice e) {
      return new ElementOperations.UpdateChoice(e);
    } else if (element instanceof Tension e) {
      return new ElementOperations.UpdateTension(e);
    } else if (element instanceof Use e) {
      return new ElementOperations.UpdateUse(e);
    } else if (element instanceof Procedure e) {
      return new ElementOperations.UpdateProcedure(e);
    }
    return new ElementOperations.UpdateKnowledgeClaim((KnowledgeClaim) element);
  }

  static Operation deleteOperation(JourneyElement element) {
    ElementId id = element.id();
    return switch (element.kind()) {
      case DATA_OBJECT -> new ElementOperations.DeleteDataObject(id);
      case INTERVENTION -> new ElementOperations.DeleteIntervention(id);
      case ACTOR -> new ElementOperations.DeleteActor(id);
      case CHOICE -> new ElementOperations.DeleteChoice(id);
      case TENSION -> new ElementOperations.DeleteTension(id);
      case USE -> new ElementOperations.DeleteUse(id);
      case PROCEDURE -> new ElementOperations.DeleteProcedure(id);
      default -> new ElementOperations.DeleteKnowledgeClaim(id);
    };
  }
}
