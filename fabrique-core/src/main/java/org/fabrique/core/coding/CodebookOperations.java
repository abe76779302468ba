package org.fabrique.core.coding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.Require;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.store.Transaction;

/** The operations on the codebook. */
public final class CodebookOperations {
  public static final List<Map.Entry<String, Class<? extends Operation>>> TYPES =
      List.of(
          Map.entry("code.create", CreateCode.class),
          Map.entry("code.update", UpdateCode.class),
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

    @Override
    public String describe() {
      return "Created code " + code.name();
    }
  }

  /** Renames, recolours, describes or moves a code. */
  public record UpdateCode(Code code) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Code before = Require.present(tx.coding().findCode(code.id()), "Code " + code.id());
      Optional<CodeId> ancestor = code.parentId();
      while (ancestor.isPresent()) {
        Require.state(!ancestor.get().equals(code.id()), "A code cannot be moved under itself");
        Code parent =
            Require.present(tx.coding().findCode(ancestor.get()), "Code " + ancestor.get());
        ancestor = parent.parentId();
      }
      tx.coding().updateCode(code);
      return new UpdateCode(before);
    }

    @Override
    public String describe() {
      return "Changed code " + code.name();
    }
  }

  /** Deletes a code with its descendants, their codings and memos. */
  public record DeleteCode(CodeId codeId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Code root = Require.present(tx.coding().findCode(codeId), "Code " + codeId);
      List<Code> all = tx.coding().listCodes(root.inquiryId());
      List<Code> subtree = new ArrayList<>();
      subtree.add(root);
      for (int i = 0; i < subtree.size(); i++) {
        CodeId parent = subtree.get(i).id();
        all.stream().filter(c -> c.parentId().equals(Optional.of(parent))).forEach(subtree::add);
      }
      List<Coding> codings = new ArrayList<>();
      List<Memo> memos = new ArrayList<>();
      for (Code code : subtree) {
        codings.addAll(tx.coding().codingsOfCode(code.id()));
        memos.addAll(tx.memos().about(new ItemRef(ItemKind.CODE, code.id().value())));
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

    @Override
    public String describe() {
      return "Restored code " + root;
    }
  }
}
