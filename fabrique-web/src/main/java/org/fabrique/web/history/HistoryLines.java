package org.fabrique.web.history;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.fabrique.core.attribute.AttributeOperations;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodebookOperations;
import org.fabrique.core.coding.CodingOperations;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.corpus.SourceOperations;
import org.fabrique.core.history.CompositeOperation;
import org.fabrique.core.history.History;
import org.fabrique.core.history.HistoryEntry;
import org.fabrique.core.history.Operation;
import org.fabrique.core.inquiry.CaseOperations;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryOperations;
import org.fabrique.core.memo.MemoOperations;
import org.fabrique.web.Page;

/**
 * History lines in the interface's language. Operations describe themselves in English for logs and
 * files; here each operation gets a translated sentence that says what changed, naming cases, codes
 * and attributes (never quoting field material). A line that undoes or redoes an action is
 * described by that action ("Undid: Wrote a memo"), found through its target line.
 */
public final class HistoryLines {
  private HistoryLines() {}

  /** A history line as shown on a page. */
  public record Line(long id, String text, long userId, Instant at, String kind, boolean undone) {}

  /** What describing lines may look up: the line an undo or redo concerns, names of codes. */
  public record Lookup(
      LongFunction<Optional<HistoryEntry>> lines, Function<CodeId, Optional<String>> codeNames) {

    /** Looks nothing up: lines are described from what they carry. */
    public static final Lookup NONE = new Lookup(id -> Optional.empty(), id -> Optional.empty());
  }

  /** A lookup over an inquiry's history and codebook, caching what it reads. */
  public static Lookup lookup(History history, CodingService coding, InquiryId inquiry) {
    Map<Long, Optional<HistoryEntry>> lines = new HashMap<>();
    Map<CodeId, String> names = new HashMap<>();
    boolean[] loaded = {false};
    return new Lookup(
        id -> lines.computeIfAbsent(id, history::line),
        code -> {
          if (!loaded[0]) {
            for (Code c : coding.codes(inquiry)) {
              names.put(c.id(), c.name());
            }
            loaded[0] = true;
          }
          return Optional.ofNullable(names.get(code));
        });
  }

  /** Describes lines given already: undo and redo lines first look for their target among them. */
  public static List<Line> of(Page page, List<HistoryEntry> entries, Lookup lookup) {
    Map<Long, HistoryEntry> shown = new HashMap<>();
    entries.forEach(e -> shown.put(e.id(), e));
    Lookup local =
        new Lookup(
            id -> shown.containsKey(id) ? Optional.of(shown.get(id)) : lookup.lines().apply(id),
            lookup.codeNames());
    return entries.stream().map(e -> of(page, e, local)).toList();
  }

  public static Line of(Page page, HistoryEntry entry) {
    return of(page, entry, Lookup.NONE);
  }

  public static Line of(Page page, HistoryEntry entry, Lookup lookup) {
    String text =
        switch (entry.kind()) {
          case DO -> action(page, entry, lookup);
          case UNDO -> page.t("history.undid", action(page, entry, lookup));
          case REDO -> page.t("history.redid", action(page, entry, lookup));
        };
    return new Line(
        entry.id(),
        text,
        entry.userId().value(),
        entry.at(),
        entry.kind().name().toLowerCase(Locale.ROOT),
        entry.kind() == HistoryEntry.Kind.DO
            && entry.status() != HistoryEntry.Status.ACTIVE
            && entry.status() != HistoryEntry.Status.SET_ASIDE);
  }

  /**
   * The sentence for the action a line concerns. A DO line in effect carries the action and what
   * undoes it; an UNDO line carries what undid the action and, through its target, the action; a
   * REDO line carries the action again and what undoes it.
   */
  public static String action(Page page, HistoryEntry entry, Lookup lookup) {
    return switch (entry.kind()) {
      case DO ->
          describe(
              page,
              entry.operation(),
              entry.status() == HistoryEntry.Status.ACTIVE
                  ? Optional.of(entry.inverse())
                  : Optional.empty(),
              lookup);
      case UNDO -> {
        Operation done =
            lookup
                .lines()
                .apply(entry.target())
                .map(HistoryEntry::operation)
                .orElse(entry.inverse());
        yield describe(page, done, Optional.of(entry.operation()), lookup);
      }
      case REDO -> describe(page, entry.operation(), Optional.of(entry.inverse()), lookup);
    };
  }

  /** A sentence for one operation, in the page's language. */
  public static String describe(Page page, Operation operation) {
    return describe(page, operation, Optional.empty(), Lookup.NONE);
  }

  /**
   * A sentence for one operation, in the page's language.
   *
   * @param undoer the operation that undoes it, when known: it tells what was there before
   */
  public static String describe(
      Page page, Operation operation, Optional<Operation> undoer, Lookup lookup) {
    if (operation instanceof InquiryOperations.UpdateInquiry op) {
      return undoer
          .filter(u -> u instanceof InquiryOperations.UpdateInquiry)
          .map(u -> ((InquiryOperations.UpdateInquiry) u).inquiry().name())
          .filter(before -> !before.equals(op.inquiry().name()))
          .map(before -> page.t("history.inquiry.rename", before, op.inquiry().name()))
          .orElseGet(() -> page.t("history.inquiry.update", op.inquiry().name()));
    } else if (operation instanceof CaseOperations.CreateCase op) {
      return page.t("history.case.create", op.theCase().name());
    } else if (operation instanceof CaseOperations.UpdateCase op) {
      return undoer
          .filter(u -> u instanceof CaseOperations.UpdateCase)
          .map(u -> ((CaseOperations.UpdateCase) u).theCase().name())
          .filter(before -> !before.equals(op.theCase().name()))
          .map(before -> page.t("history.case.rename", before, op.theCase().name()))
          .orElseGet(() -> page.t("history.case.update", op.theCase().name()));
    } else if (operation instanceof CaseOperations.DeleteCase) {
      return undoer
          .filter(u -> u instanceof CaseOperations.RestoreCase)
          .map(
              u ->
                  page.t(
                      "history.case.delete.named",
                      ((CaseOperations.RestoreCase) u).theCase().name()))
          .orElseGet(() -> page.t("history.case.delete"));
    } else if (operation instanceof CaseOperations.RestoreCase op) {
      return page.t("history.case.restore", op.theCase().name());
    } else if (operation instanceof SourceOperations.AddSource) {
      return page.t("history.source.add");
    } else if (operation instanceof SourceOperations.UpdateSourceMetadata) {
      return page.t("history.source.update");
    } else if (operation instanceof SourceOperations.DeleteSource) {
      return page.t("history.source.delete");
    } else if (operation instanceof SourceOperations.RestoreSource) {
      return page.t("history.source.restore");
    } else if (operation instanceof CodebookOperations.CreateCode op) {
      return page.t("history.code.create", op.code().name());
    } else if (operation instanceof CodebookOperations.UpdateCode op) {
      return updateCode(page, op.code(), undoer, lookup);
    } else if (operation instanceof CodebookOperations.ChangeCode op) {
      // A rename says from what to what; the names are in the change itself.
      if (op.after().name().isPresent()
          && op.before().name().isPresent()
          && !op.before().name().equals(op.after().name())) {
        return page.t("history.code.rename", op.before().name().get(), op.after().name().get());
      }
      return op.after().place().isPresent() && op.after().fields().size() == 1
          ? page.t("history.code.move")
          : page.t("history.code.change");
    } else if (operation instanceof CodebookOperations.DeleteCode op) {
      return undoer
          .filter(u -> u instanceof CodebookOperations.RestoreCodes)
          .flatMap(
              u ->
                  ((CodebookOperations.RestoreCodes) u)
                      .codes().stream().filter(c -> c.id().equals(op.codeId())).findFirst())
          .map(c -> page.t("history.code.delete.named", c.name()))
          .orElseGet(() -> page.t("history.code.delete"));
    } else if (operation instanceof CodebookOperations.RestoreCodes op) {
      return op.codes().stream()
          .filter(c -> c.id().equals(op.root()))
          .findFirst()
          .map(c -> page.t("history.code.restore.named", c.name()))
          .orElseGet(() -> page.t("history.code.restore"));
    } else if (operation instanceof CodingOperations.AddCoding op) {
      return codeName(op.coding().codeId(), lookup)
          .map(name -> page.t("history.coding.add.named", name))
          .orElseGet(() -> page.t("history.coding.add"));
    } else if (operation instanceof CodingOperations.RemoveCoding) {
      return undoer
          .filter(u -> u instanceof CodingOperations.AddCoding)
          .flatMap(u -> codeName(((CodingOperations.AddCoding) u).coding().codeId(), lookup))
          .map(name -> page.t("history.coding.remove.named", name))
          .orElseGet(() -> page.t("history.coding.remove"));
    } else if (operation instanceof CodingOperations.RecodeCoding op) {
      Optional<String> before =
          undoer
              .filter(u -> u instanceof CodingOperations.RecodeCoding)
              .flatMap(u -> codeName(((CodingOperations.RecodeCoding) u).codeId(), lookup));
      Optional<String> after = codeName(op.codeId(), lookup);
      if (before.isPresent() && after.isPresent()) {
        return page.t("history.coding.recode.named", before.get(), after.get());
      }
      return page.t("history.coding.recode");
    } else if (operation instanceof MemoOperations.CreateMemo) {
      return page.t("history.memo.create");
    } else if (operation instanceof MemoOperations.UpdateMemo) {
      return page.t("history.memo.update");
    } else if (operation instanceof MemoOperations.DeleteMemo) {
      return page.t("history.memo.delete");
    } else if (operation instanceof AttributeOperations.DefineAttribute op) {
      return page.t("history.attribute.define", op.definition().name());
    } else if (operation instanceof AttributeOperations.UpdateAttribute op) {
      return page.t("history.attribute.update", op.definition().name());
    } else if (operation instanceof AttributeOperations.DeleteAttribute) {
      return page.t("history.attribute.delete");
    } else if (operation instanceof AttributeOperations.RestoreAttribute op) {
      return page.t("history.attribute.restore", op.definition().name());
    } else if (operation instanceof AttributeOperations.SetAttributeValue) {
      return page.t("history.attribute.set");
    } else if (operation instanceof CompositeOperation composite) {
      return composite(page, composite, lookup);
    }
    return byType(page, operation.type());
  }

  /**
   * The sentence for an operation known by its type id only ({@code history.op.<type>}); every
   * registered type has one (checked by a test).
   */
  public static String byType(Page page, String type) {
    String key = "history.op." + type;
    return page.messages().has(page.lang(), key) ? page.t(key) : page.t("history.other");
  }

  private static String updateCode(
      Page page, Code after, Optional<Operation> undoer, Lookup lookup) {
    Optional<Code> before =
        undoer
            .filter(u -> u instanceof CodebookOperations.UpdateCode)
            .map(u -> ((CodebookOperations.UpdateCode) u).code());
    if (before.isEmpty()) {
      return page.t("history.code.update", after.name());
    }
    Code old = before.get();
    if (!old.name().equals(after.name())) {
      return page.t("history.code.rename", old.name(), after.name());
    }
    if (!old.parentId().equals(after.parentId())) {
      return after
          .parentId()
          .flatMap(parent -> codeName(parent, lookup))
          .map(parent -> page.t("history.code.move.under", after.name(), parent))
          .orElseGet(() -> page.t("history.code.move.named", after.name()));
    }
    if (old.position() != after.position()) {
      return page.t("history.code.move.named", after.name());
    }
    if (!old.colour().equals(after.colour())) {
      return page.t("history.code.colour", after.name());
    }
    if (!old.description().equals(after.description())) {
      return page.t("history.code.describe", after.name());
    }
    return page.t("history.code.update", after.name());
  }

  private static Optional<String> codeName(CodeId code, Lookup lookup) {
    return lookup.codeNames().apply(code);
  }

  private static String composite(Page page, CompositeOperation composite, Lookup lookup) {
    List<Operation> steps = composite.steps();
    if (steps.isEmpty()) {
      return page.t("history.changes", 0);
    }
    // Auto-coding of search hits: many codings, usually with one code.
    if (steps.stream().allMatch(s -> s instanceof CodingOperations.AddCoding)) {
      List<CodeId> codes =
          steps.stream()
              .map(s -> ((CodingOperations.AddCoding) s).coding().codeId())
              .distinct()
              .toList();
      Optional<String> name = codes.size() == 1 ? codeName(codes.get(0), lookup) : Optional.empty();
      return name.map(n -> page.t("history.coding.add.many.named", steps.size(), n))
          .orElseGet(() -> page.t("history.coding.add.many", steps.size()));
    }
    // Merging codes deletes one and recodes its codings; moving a code updates its siblings.
    if (steps.stream()
        .anyMatch(
            s ->
                s instanceof CodebookOperations.DeleteCode
                    || s instanceof CodebookOperations.RestoreCodes)) {
      return page.t("history.code.merge");
    }
    if (steps.stream()
        .allMatch(
            s ->
                s instanceof CodebookOperations.UpdateCode
                    || s instanceof CodebookOperations.ChangeCode)) {
      return page.t("history.code.move");
    }
    // Deleting a journey element removes its links first: the element's deletion says it.
    Operation main = steps.get(steps.size() - 1);
    String first = describe(page, main, Optional.empty(), lookup);
    long others = steps.stream().filter(s -> !Objects.equals(s.type(), main.type())).count();
    long same = steps.size() - others;
    if (others == 0 && same == 1) {
      return first;
    }
    if (main.type().endsWith(".delete") && main.type().startsWith("journey.")) {
      return first;
    }
    return page.t("history.changes.with", steps.size(), describe(page, steps.get(0)));
  }
}
