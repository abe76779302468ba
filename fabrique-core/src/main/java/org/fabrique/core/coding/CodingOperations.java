package org.fabrique.core.coding;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.Require;
import org.fabrique.core.history.Setback;
import org.fabrique.core.history.Setbacks;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.store.Transaction;

/** The operations that code the text. */
public final class CodingOperations {
  public static final List<Map.Entry<String, Class<? extends Operation>>> TYPES =
      List.of(
          Map.entry("coding.add", AddCoding.class),
          Map.entry("coding.remove", RemoveCoding.class),
          Map.entry("coding.recode", RecodeCoding.class));

  private CodingOperations() {}

  /** Applies a code to a segment, creating the segment when it does not exist yet. */
  public record AddCoding(Segment segment, Coding coding) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Code code = Require.present(tx.coding().findCode(coding.codeId()), "Code " + coding.codeId());
      Require.state(code.codable(), "The code " + code.name() + " only groups other codes");
      Require.present(tx.corpus().findSource(segment.sourceId()), "Source " + segment.sourceId());
      if (tx.coding().findSegment(segment.id()).isEmpty()) {
        tx.coding().insertSegment(segment);
      }
      boolean duplicate =
          tx.coding().codingsOfSegment(segment.id()).stream()
              .anyMatch(
                  c -> c.codeId().equals(coding.codeId()) && c.coderId().equals(coding.coderId()));
      Require.state(!duplicate, "This passage is already coded with " + code.name());
      tx.coding().insertCoding(coding);
      return new RemoveCoding(coding.id());
    }

    /**
     * As an undo of a removal or a redo: left out when the code or the source is gone or the
     * passage is coded so again; the coding joins a segment that another coder has made over the
     * same span since.
     */
    @Override
    public Operation applyLeniently(Transaction tx, Setbacks setbacks) {
      ItemRef item = new ItemRef(ItemKind.CODING, coding.id().value());
      Optional<Code> code = tx.coding().findCode(coding.codeId());
      if (code.isEmpty() || tx.corpus().findSource(segment.sourceId()).isEmpty()) {
        setbacks.add(item, Setback.Reason.DELETED_SINCE);
        return CodebookOperations.nothing(describe());
      }
      Segment target =
          tx.coding()
              .findSegment(segment.id())
              .or(() -> tx.coding().findSegment(segment.sourceId(), segment.start(), segment.end()))
              .orElse(segment);
      boolean there =
          tx.coding().findCoding(coding.id()).isPresent()
              || tx.coding().codingsOfSegment(target.id()).stream()
                  .anyMatch(
                      c ->
                          c.codeId().equals(coding.codeId())
                              && c.coderId().equals(coding.coderId()));
      if (there || !code.get().codable()) {
        setbacks.add(item, there ? Setback.Reason.ALREADY_THERE : Setback.Reason.CHANGED_SINCE);
        return CodebookOperations.nothing(describe());
      }
      return new AddCoding(
              target,
              new Coding(
                  coding.id(), target.id(), coding.codeId(), coding.coderId(), coding.createdAt()))
          .apply(tx);
    }

    @Override
    public String describe() {
      return "Coded a passage of source " + segment.sourceId() + " with code " + coding.codeId();
    }
  }

  /** Removes a coding; its segment goes too when nothing else refers to it. */
  public record RemoveCoding(CodingId codingId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Coding coding = Require.present(tx.coding().findCoding(codingId), "Coding " + codingId);
      Segment segment =
          Require.present(
              tx.coding().findSegment(coding.segmentId()), "Segment " + coding.segmentId());
      tx.coding().deleteCoding(codingId);
      if (tx.coding().codingsOfSegment(segment.id()).isEmpty()
          && tx.memos().about(new ItemRef(ItemKind.SEGMENT, segment.id().value())).isEmpty()) {
        tx.coding().deleteSegment(segment.id());
      }
      return new AddCoding(segment, coding);
    }

    /** As an undo of a coding or a redo: a coding already removed by someone else is left out. */
    @Override
    public Operation applyLeniently(Transaction tx, Setbacks setbacks) {
      if (tx.coding().findCoding(codingId).isEmpty()) {
        setbacks.add(new ItemRef(ItemKind.CODING, codingId.value()), Setback.Reason.DELETED_SINCE);
        return CodebookOperations.nothing(describe());
      }
      return apply(tx);
    }

    @Override
    public String describe() {
      return "Removed coding " + codingId;
    }
  }

  /** Replaces the code of a coding. */
  public record RecodeCoding(CodingId codingId, CodeId codeId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Coding before = Require.present(tx.coding().findCoding(codingId), "Coding " + codingId);
      Code code = Require.present(tx.coding().findCode(codeId), "Code " + codeId);
      Require.state(code.codable(), "The code " + code.name() + " only groups other codes");
      boolean duplicate =
          tx.coding().codingsOfSegment(before.segmentId()).stream()
              .anyMatch(c -> c.codeId().equals(codeId) && c.coderId().equals(before.coderId()));
      Require.state(!duplicate, "This passage is already coded with " + code.name());
      tx.coding()
          .updateCoding(
              new Coding(
                  before.id(), before.segmentId(), codeId, before.coderId(), before.createdAt()));
      return new RecodeCoding(codingId, before.codeId());
    }

    /**
     * As an undo or a redo: left out when the coding or the code is gone, or the passage is already
     * coded so.
     */
    @Override
    public Operation applyLeniently(Transaction tx, Setbacks setbacks) {
      ItemRef item = new ItemRef(ItemKind.CODING, codingId.value());
      Optional<Coding> before = tx.coding().findCoding(codingId);
      Optional<Code> code = tx.coding().findCode(codeId);
      if (before.isEmpty() || code.isEmpty()) {
        setbacks.add(item, Setback.Reason.DELETED_SINCE);
        return CodebookOperations.nothing(describe());
      }
      boolean there =
          tx.coding().codingsOfSegment(before.get().segmentId()).stream()
              .anyMatch(
                  c -> c.codeId().equals(codeId) && c.coderId().equals(before.get().coderId()));
      if (there || !code.get().codable()) {
        setbacks.add(item, there ? Setback.Reason.ALREADY_THERE : Setback.Reason.CHANGED_SINCE);
        return CodebookOperations.nothing(describe());
      }
      return apply(tx);
    }

    @Override
    public String describe() {
      return "Changed the code of coding " + codingId + " to " + codeId;
    }
  }
}
