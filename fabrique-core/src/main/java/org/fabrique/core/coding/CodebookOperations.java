package org.fabrique.core.coding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.history.CompositeOperation;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.Require;
import org.fabrique.core.history.Setback;
import org.fabrique.core.history.Setbacks;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.store.Transaction;

/**
 * The operations on the codebook. A code is changed field by field ({@link ChangeCode}): only the
 * fields a user changes are written, and an undo puts back only the fields nobody else has changed
 * since (decision 0021).
 */
public final class CodebookOperations {
  public static final List<Map.Entry<String, Class<? extends Operation>>> TYPES =
      List.of(
          Map.entry("code.create", CreateCode.class),
          Map.entry("code.update", UpdateCode.class),
          Map.entry("code.change", ChangeCode.class),
          Map.entry("code.delete", DeleteCode.class),
          Map.entry("code.restore", RestoreCodes.class));

  private CodebookOperations() {}

  /** Creates a code. */
  public record CreateCode(Code code) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      code.parentId().ifPresent(p -> Require.present(tx.coding().findCode(p), "Parent code " + p));
      tx.coding().insertCode(code);
      return new DeleteCode(code.id());
    }

    /** A redo whose parent was deleted since creates the code at the top level. */
    @Override
    public Operation applyLeniently(Transaction tx, Setbacks setbacks) {
      if (tx.coding().findCode(code.id()).isPresent()) {
        setbacks.add(ref(code.id()), Setback.Reason.ALREADY_THERE);
        return nothing(describe());
      }
      Code placed = code;
      if (code.parentId().isPresent() && tx.coding().findCode(code.parentId().get()).isEmpty()) {
        setbacks.add(ref(code.id()), Setback.Reason.PUT_AT_TOP);
        placed = atTop(code);
      }
      tx.coding().insertCode(placed);
      return new DeleteCode(code.id());
    }

    @Override
    public String describe() {
      return "Created code " + code.name();
    }
  }

  /**
   * Sets every field of a code, as histories written before {@link ChangeCode} recorded changes.
   * Applied now, it writes only the fields that differ and is undone by a {@link ChangeCode}.
   */
  public record UpdateCode(Code code) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return asChange(tx).apply(tx);
    }

    @Override
    public Operation applyLeniently(Transaction tx, Setbacks setbacks) {
      Optional<Code> current = tx.coding().findCode(code.id());
      if (current.isEmpty()) {
        setbacks.add(ref(code.id()), Setback.Reason.DELETED_SINCE);
        return nothing(describe());
      }
      return asChange(tx).applyLeniently(tx, setbacks);
    }

    private ChangeCode asChange(Transaction tx) {
      Code current = Require.present(tx.coding().findCode(code.id()), "Code " + code.id());
      CodeChange change =
          CodeChange.none()
              .withName(code.name())
              .withColour(code.colour())
              .withDescription(code.description())
              .withCodable(code.codable())
              .withPlace(CodePlace.of(code))
              .differingFrom(current);
      return new ChangeCode(code.id(), change.currentIn(current), change);
    }

    @Override
    public String describe() {
      return "Changed code " + code.name();
    }
  }

  /**
   * Changes some fields of a code: renames, recolours, describes, makes it codable or not, or moves
   * it (a new parent and position). Only the fields in {@code after} are written.
   *
   * @param before the values the fields had when the change was decided; a field that holds another
   *     value now has been changed by someone else since
   * @param after the values the change gives them
   */
  public record ChangeCode(CodeId codeId, CodeChange before, CodeChange after)
      implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      return change(tx, Optional.empty());
    }

    /**
     * Changes the fields that still hold their {@code before} value; those changed since by others
     * are left as they made them, and a move that is no longer possible is not made.
     */
    @Override
    public Operation applyLeniently(Transaction tx, Setbacks setbacks) {
      return change(tx, Optional.of(setbacks));
    }

    private Operation change(Transaction tx, Optional<Setbacks> setbacks) {
      Optional<Code> found = tx.coding().findCode(codeId);
      if (found.isEmpty()) {
        return leftOut(setbacks, ref(codeId), Setback.Reason.DELETED_SINCE, "Code " + codeId, this);
      }
      Code current = found.get();
      List<String> kept = new ArrayList<>();
      for (String field : after.fields()) {
        CodeChange expected = before.only(List.of(field));
        CodeChange now = after.only(List.of(field)).currentIn(current);
        if (expected.setsNothing() || expected.equals(now)) {
          kept.add(field);
        } else if (setbacks.isEmpty()) {
          throw new ConflictException(
              "The code " + current.name() + " was changed by someone else meanwhile");
        } else {
          setbacks.get().add(ref(codeId), Setback.Reason.CHANGED_SINCE);
        }
      }
      Optional<CodePlace> place = after.place().filter(p -> kept.contains("place"));
      if (place.isPresent()) {
        Optional<String> refusal = refusalToMove(tx, current, place.get().parentId());
        if (refusal.isPresent()) {
          if (setbacks.isEmpty()) {
            throw new ConflictException(refusal.get());
          }
          setbacks.get().add(ref(codeId), Setback.Reason.CHANGED_SINCE);
          kept.remove("place");
        }
      }
      CodeChange applied = after.only(kept).differingFrom(current);
      if (!applied.setsNothing()) {
        tx.coding().changeCode(codeId, applied);
      }
      return new ChangeCode(codeId, applied, applied.currentIn(current));
    }

    @Override
    public String describe() {
      return "Changed code " + codeId;
    }
  }

  /**
   * Why a code cannot be moved under a parent, read in the transaction that moves it: the parent is
   * gone, belongs to another inquiry, or is the code itself or one of its descendants. The walk up
   * from the parent stops at a code seen twice, so a cycle already stored cannot hang it.
   */
  static Optional<String> refusalToMove(Transaction tx, Code code, Optional<CodeId> parent) {
    Set<CodeId> seen = new HashSet<>();
    Optional<CodeId> ancestor = parent;
    while (ancestor.isPresent()) {
      if (ancestor.get().equals(code.id())) {
        return Optional.of("A code cannot be moved under itself or one of its descendants");
      }
      if (!seen.add(ancestor.get())) {
        return Optional.of("The codes above " + parent.get() + " form a loop; move them first");
      }
      Optional<Code> found = tx.coding().findCode(ancestor.get());
      if (found.isEmpty()) {
        return Optional.of("Parent code " + ancestor.get() + " no longer exists");
      }
      if (!found.get().inquiryId().equals(code.inquiryId())) {
        return Optional.of("Code " + ancestor.get() + " belongs to another inquiry");
      }
      ancestor = found.get().parentId();
    }
    return Optional.empty();
  }

  /** Deletes a code with its descendants, their codings and memos. */
  public record DeleteCode(CodeId codeId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Code root = Require.present(tx.coding().findCode(codeId), "Code " + codeId);
      return delete(tx, root);
    }

    /**
     * As an undo of a creation or a redo of a deletion: a code already gone is left out, and a code
     * that others have coded with since is kept with their codings.
     */
    @Override
    public Operation applyLeniently(Transaction tx, Setbacks setbacks) {
      Optional<Code> root = tx.coding().findCode(codeId);
      if (root.isEmpty()) {
        setbacks.add(ref(codeId), Setback.Reason.DELETED_SINCE);
        return nothing(describe());
      }
      for (Code code : subtree(tx, root.get())) {
        boolean othersCoded =
            tx.coding().codingsOfCode(code.id()).stream()
                .anyMatch(c -> !c.coderId().equals(setbacks.user()));
        if (othersCoded) {
          setbacks.add(ref(codeId), Setback.Reason.CHANGED_SINCE);
          return nothing(describe());
        }
      }
      return delete(tx, root.get());
    }

    private Operation delete(Transaction tx, Code root) {
      List<Code> subtree = subtree(tx, root);
      List<Coding> codings = new ArrayList<>();
      List<Memo> memos = new ArrayList<>();
      for (Code code : subtree) {
        codings.addAll(tx.coding().codingsOfCode(code.id()));
        memos.addAll(tx.memos().about(ref(code.id())));
      }
      codings.forEach(c -> tx.coding().deleteCoding(c.id()));
      List<Segment> orphans = new ArrayList<>();
      Set<SegmentId> seen = new HashSet<>();
      for (Coding coding : codings) {
        if (seen.add(coding.segmentId())
            && tx.coding().codingsOfSegment(coding.segmentId()).isEmpty()
            && tx.memos()
                .about(new ItemRef(ItemKind.SEGMENT, coding.segmentId().value()))
                .isEmpty()) {
          orphans.add(Require.present(tx.coding().findSegment(coding.segmentId()), "Segment"));
        }
      }
      orphans.forEach(s -> tx.coding().deleteSegment(s.id()));
      memos.forEach(m -> tx.memos().delete(m.id()));
      Set<CodeId> inSubtree = new HashSet<>();
      subtree.forEach(c -> inSubtree.add(c.id()));
      if (root.parentId().filter(inSubtree::contains).isPresent()) {
        // A cycle stored by an earlier version: the root hangs under its own descendant. It is cut
        // first, and put back at the top level by the undo.
        tx.coding()
            .changeCode(root.id(), CodeChange.none().withPlace(new CodePlace(Optional.empty(), 0)));
        subtree.set(0, atTop(root));
      }
      for (int i = subtree.size() - 1; i >= 0; i--) {
        tx.coding().deleteCode(subtree.get(i).id());
      }
      return new RestoreCodes(codeId, subtree, orphans, codings, memos);
    }

    @Override
    public String describe() {
      return "Deleted code " + codeId;
    }
  }

  /**
   * A code and its descendants, parents first. Each code is taken once, so that the walk ends
   * whatever the stored tree looks like (a cycle stored by an earlier version included).
   */
  static List<Code> subtree(Transaction tx, Code root) {
    Map<CodeId, List<Code>> children = new HashMap<>();
    for (Code code : tx.coding().listCodes(root.inquiryId())) {
      code.parentId().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(code));
    }
    List<Code> subtree = new ArrayList<>();
    Set<CodeId> taken = new HashSet<>();
    subtree.add(root);
    taken.add(root.id());
    for (int i = 0; i < subtree.size(); i++) {
      for (Code child : children.getOrDefault(subtree.get(i).id(), List.of())) {
        if (taken.add(child.id())) {
          subtree.add(child);
        }
      }
    }
    return subtree;
  }

  /** Puts back deleted codes (parents first) with their segments, codings and memos. */
  public record RestoreCodes(
      CodeId root, List<Code> codes, List<Segment> segments, List<Coding> codings, List<Memo> memos)
      implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      codes.forEach(tx.coding()::insertCode);
      segments.forEach(tx.coding()::insertSegment);
      for (Coding coding : codings) {
        Require.present(
            tx.coding().findSegment(coding.segmentId()), "Segment " + coding.segmentId());
        tx.coding().insertCoding(coding);
      }
      memos.forEach(tx.memos()::insert);
      return new DeleteCode(root);
    }

    /**
     * As an undo of a deletion, when others have worked since: a code whose parent is gone comes
     * back at the top level; a passage that another coder has coded since (a new segment over the
     * same span) receives the restored codings; a coding or memo already there again is left out.
     */
    @Override
    public Operation applyLeniently(Transaction tx, Setbacks setbacks) {
      if (tx.coding().findCode(root).isPresent()) {
        setbacks.add(ref(root), Setback.Reason.ALREADY_THERE);
        return nothing(describe());
      }
      Set<CodeId> restored = new HashSet<>();
      for (Code code : codes) {
        Code placed = code;
        boolean parentThere =
            code.parentId().isEmpty()
                || restored.contains(code.parentId().get())
                || tx.coding().findCode(code.parentId().get()).isPresent();
        if (!parentThere) {
          setbacks.add(ref(code.id()), Setback.Reason.PUT_AT_TOP);
          placed = atTop(code);
        }
        if (tx.coding().findCode(code.id()).isPresent()) {
          setbacks.add(ref(code.id()), Setback.Reason.ALREADY_THERE);
          continue;
        }
        tx.coding().insertCode(placed);
        restored.add(code.id());
      }
      Map<SegmentId, SegmentId> segmentNow = new HashMap<>();
      for (Segment segment : segments) {
        if (tx.coding().findSegment(segment.id()).isPresent()) {
          segmentNow.put(segment.id(), segment.id());
          continue;
        }
        if (tx.corpus().findSource(segment.sourceId()).isEmpty()) {
          setbacks.add(
              new ItemRef(ItemKind.SOURCE, segment.sourceId().value()),
              Setback.Reason.DELETED_SINCE);
          continue;
        }
        Optional<Segment> sameSpan =
            tx.coding().findSegment(segment.sourceId(), segment.start(), segment.end());
        if (sameSpan.isPresent()) {
          segmentNow.put(segment.id(), sameSpan.get().id());
        } else {
          tx.coding().insertSegment(segment);
          segmentNow.put(segment.id(), segment.id());
        }
      }
      for (Coding coding : codings) {
        if (!restored.contains(coding.codeId())) {
          continue;
        }
        Optional<SegmentId> segment =
            Optional.ofNullable(segmentNow.get(coding.segmentId()))
                .or(() -> tx.coding().findSegment(coding.segmentId()).map(s -> coding.segmentId()));
        if (segment.isEmpty()) {
          setbacks.add(
              new ItemRef(ItemKind.CODING, coding.id().value()), Setback.Reason.DELETED_SINCE);
          continue;
        }
        boolean there =
            tx.coding().findCoding(coding.id()).isPresent()
                || tx.coding().codingsOfSegment(segment.get()).stream()
                    .anyMatch(
                        c ->
                            c.codeId().equals(coding.codeId())
                                && c.coderId().equals(coding.coderId()));
        if (there) {
          setbacks.add(
              new ItemRef(ItemKind.CODING, coding.id().value()), Setback.Reason.ALREADY_THERE);
          continue;
        }
        tx.coding()
            .insertCoding(
                new Coding(
                    coding.id(),
                    segment.get(),
                    coding.codeId(),
                    coding.coderId(),
                    coding.createdAt()));
      }
      for (Memo memo : memos) {
        if (tx.memos().find(memo.id()).isPresent()) {
          setbacks.add(new ItemRef(ItemKind.MEMO, memo.id().value()), Setback.Reason.ALREADY_THERE);
        } else {
          tx.memos().insert(memo);
        }
      }
      return new DeleteCode(root);
    }

    @Override
    public String describe() {
      return "Restored code " + root;
    }
  }

  /** The reference of a code, for setbacks and memos. */
  static ItemRef ref(CodeId code) {
    return new ItemRef(ItemKind.CODE, code.value());
  }

  private static Code atTop(Code code) {
    return new Code(
        code.id(),
        code.inquiryId(),
        Optional.empty(),
        code.name(),
        code.colour(),
        code.description(),
        code.codable(),
        code.position());
  }

  /** An operation that changes nothing: the inverse of a part that was left out. */
  static Operation nothing(String description) {
    return new CompositeOperation("Nothing to do: " + description, List.of());
  }

  /**
   * A part that cannot be done: a conflict when the operation is applied as asked, a setback (and
   * nothing done) in an undo or a redo.
   */
  static Operation leftOut(
      Optional<Setbacks> setbacks,
      ItemRef item,
      Setback.Reason reason,
      String what,
      Operation operation) {
    if (setbacks.isEmpty()) {
      throw new ConflictException(what + " no longer exists");
    }
    setbacks.get().add(item, reason);
    return nothing(operation.describe());
  }
}
