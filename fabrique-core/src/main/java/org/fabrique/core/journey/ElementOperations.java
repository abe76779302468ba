package org.fabrique.core.journey;

import java.util.List;
import java.util.Map;
import org.fabrique.core.history.Operation;
import org.fabrique.core.journey.kind.ElementKinds;
import org.fabrique.core.store.Transaction;

/**
 * The operations that create, change and delete journey elements: one record per kind of element,
 * so that the history stores each with a plain, typed payload. Each kind's descriptor ({@link
 * ElementKinds}) says which of them it uses and under which stored type ids.
 */
public final class ElementOperations {
  /** The operation types of every kind of element, with their stored ids. */
  public static final List<Map.Entry<String, Class<? extends Operation>>> TYPES =
      ElementKinds.operationTypes();

  private ElementOperations() {}

  /** Creates a data object. */
  public record CreateDataObject(DataObject element) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      ElementApply.insert(tx, element);
      return new DeleteDataObject(element.id());
    }

    @Override
    public String describe() {
      return "Added data object " + element.id();
    }
  }

  /** Changes a data object. */
  public record UpdateDataObject(DataObject element) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return new UpdateDataObject(ElementApply.update(tx, element, DataObject.class));
    }

    @Override
    public String describe() {
      return "Changed data object " + element.id();
    }
  }

  /** Deletes a data object that nothing refers to any more. */
  public record DeleteDataObject(ElementId elementId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return new CreateDataObject(ElementApply.delete(tx, elementId, DataObject.class));
    }

    @Override
    public String describe() {
      return "Deleted data object " + elementId;
    }
  }

  /** Creates a intervention. */
  public record CreateIntervention(Intervention element) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      ElementApply.insert(tx, element);
      return new DeleteIntervention(element.id());
    }

    @Override
    public String describe() {
      return "Added intervention " + element.id();
    }
  }

  /** Changes a intervention. */
  public record UpdateIntervention(Intervention element) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return new UpdateIntervention(ElementApply.update(tx, element, Intervention.class));
    }

    @Override
    public String describe() {
      return "Changed intervention " + element.id();
    }
  }

  /** Deletes a intervention that nothing refers to any more. */
  public record DeleteIntervention(ElementId elementId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return new CreateIntervention(ElementApply.delete(tx, elementId, Intervention.class));
    }

    @Override
    public String describe() {
      return "Deleted intervention " + elementId;
    }
  }

  /** Creates a actor. */
  public record CreateActor(Actor element) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      ElementApply.insert(tx, element);
      return new DeleteActor(element.id());
    }

    @Override
    public String describe() {
      return "Added actor " + element.id();
    }
  }

  /** Changes a actor. */
  public record UpdateActor(Actor element) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return new UpdateActor(ElementApply.update(tx, element, Actor.class));
    }

    @Override
    public String describe() {
      return "Changed actor " + element.id();
    }
  }

  /** Deletes a actor that nothing refers to any more. */
  public record DeleteActor(ElementId elementId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return new CreateActor(ElementApply.delete(tx, elementId, Actor.class));
    }

    @Override
    public String describe() {
      return "Deleted actor " + elementId;
    }
  }

  /** Creates a choice. */
  public record CreateChoice(Choice element) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      ElementApply.insert(tx, element);
      return new DeleteChoice(element.id());
    }

    @Override
    public String describe() {
      return "Added choice " + element.id();
    }
  }

  /** Changes a choice. */
  public record UpdateChoice(Choice element) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return new UpdateChoice(ElementApply.update(tx, element, Choice.class));
    }

    @Override
    public String describe() {
      return "Changed choice " + element.id();
    }
  }

  /** Deletes a choice that nothing refers to any more. */
  public record DeleteChoice(ElementId elementId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return new CreateChoice(ElementApply.delete(tx, elementId, Choice.class));
    }

    @Override
    public String describe() {
      return "Deleted choice " + elementId;
    }
  }

  /** Creates a tension. */
  public record CreateTension(Tension element) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      ElementApply.insert(tx, element);
      return new DeleteTension(element.id());
    }

    @Override
    public String describe() {
      return "Added tension " + element.id();
    }
  }

  /** Changes a tension. */
  public record UpdateTension(Tension element) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return new UpdateTension(ElementApply.update(tx, element, Tension.class));
    }

    @Override
    public String describe() {
      return "Changed tension " + element.id();
    }
  }

  /** Deletes a tension that nothing refers to any more. */
  public record DeleteTension(ElementId elementId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return new CreateTension(ElementApply.delete(tx, elementId, Tension.class));
    }

    @Override
    public String describe() {
      return "Deleted tension " + elementId;
    }
  }

  /** Creates a use. */
  public record CreateUse(Use element) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      ElementApply.insert(tx, element);
      return new DeleteUse(element.id());
    }

    @Override
    public String describe() {
      return "Added use " + element.id();
    }
  }

  /** Changes a use. */
  public record UpdateUse(Use element) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return new UpdateUse(ElementApply.update(tx, element, Use.class));
    }

    @Override
    public String describe() {
      return "Changed use " + element.id();
    }
  }

  /** Deletes a use that nothing refers to any more. */
  public record DeleteUse(ElementId elementId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return new CreateUse(ElementApply.delete(tx, elementId, Use.class));
    }

    @Override
    public String describe() {
      return "Deleted use " + elementId;
    }
  }

  /** Creates a procedure. */
  public record CreateProcedure(Procedure element) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      ElementApply.insert(tx, element);
      return new DeleteProcedure(element.id());
    }

    @Override
    public String describe() {
      return "Added procedure " + element.id();
    }
  }

  /** Changes a procedure. */
  public record UpdateProcedure(Procedure element) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return new UpdateProcedure(ElementApply.update(tx, element, Procedure.class));
    }

    @Override
    public String describe() {
      return "Changed procedure " + element.id();
    }
  }

  /** Deletes a procedure that nothing refers to any more. */
  public record DeleteProcedure(ElementId elementId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return new CreateProcedure(ElementApply.delete(tx, elementId, Procedure.class));
    }

    @Override
    public String describe() {
      return "Deleted procedure " + elementId;
    }
  }

  /** Creates a knowledge claim. */
  public record CreateKnowledgeClaim(KnowledgeClaim element) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      ElementApply.insert(tx, element);
      return new DeleteKnowledgeClaim(element.id());
    }

    @Override
    public String describe() {
      return "Added knowledge claim " + element.id();
    }
  }

  /** Changes a knowledge claim. */
  public record UpdateKnowledgeClaim(KnowledgeClaim element) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return new UpdateKnowledgeClaim(ElementApply.update(tx, element, KnowledgeClaim.class));
    }

    @Override
    public String describe() {
      return "Changed knowledge claim " + element.id();
    }
  }

  /** Deletes a knowledge claim that nothing refers to any more. */
  public record DeleteKnowledgeClaim(ElementId elementId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return new CreateKnowledgeClaim(ElementApply.delete(tx, elementId, KnowledgeClaim.class));
    }

    @Override
    public String describe() {
      return "Deleted knowledge claim " + elementId;
    }
  }
}
