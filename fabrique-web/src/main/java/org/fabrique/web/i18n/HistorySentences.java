package org.fabrique.web.i18n;

import java.util.HashMap;
import java.util.List;
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

/**
 * What a history line did, in a language of the interface: the history page and the command line's
 * {@code history} commands say it the same way. Operations describe themselves in English for logs
 * and files; here each operation gets a translated sentence that says what changed, naming cases,
 * codes and attributes (never quoting field material). A line that undoes or redoes an action is
 * described by that action ("Undid: Wrote a memo"), found through its target line.
 */
public final class HistorySentences {
  private final Messages messages;
  private final Lang lang;

  public HistorySentences(Messages messages, Lang lang) {
    this.messages = messages;
    this.lang = lang;
  }

  /** What describing lines may look up: the line an undo or redo concerns, names of codes. */
  public record Lookup(
      LongFunction<Optional<HistoryEntry>> lines, Function<CodeId, Optional<String>> codeNames) {

    /** Looks nothing up: lines are described from what they carry. */
    public static final Lookup NONE = new Lookup(id -> Optional.empty(), id -> Optional.empty());

    /** This lookup, looking first among lines given already for the line an undo concerns. */
    public Lookup among(List<HistoryEntry> entries) {
      Map<Long, HistoryEntry> shown = new HashMap<>();
      entries.forEach(e -> shown.put(e.id(), e));
      return new Lookup(
          id -> shown.containsKey(id) ? Optional.of(shown.get(id)) : lines.apply(id), codeNames);
    }
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

  /** The whole sentence of a line: the action, and whether the line undid or redid it. */
  public String line(HistoryEntry entry, Lookup lookup) {
    return switch (entry.kind()) {
      case DO -> action(entry, lookup);
      case UNDO -> t("history.undid", action(entry, lookup));
      case REDO -> t("history.redid", action(entry, lookup));
    };
  }

  /**
   * The sentence for the action a line concerns. A DO line in effect carries the action and what
   * undoes it; an UNDO line carries what undid the action and, through its target, the action; a
   * REDO line carries the action again and what undoes it.
   */
  public String action(HistoryEntry entry, Lookup lookup) {
    return switch (entry.kind()) {
      case DO ->
          describe(
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
        yield describe(done, Optional.of(entry.operation()), lookup);
      }
      case REDO -> describe(entry.operation(), Optional.of(entry.inverse()), lookup);
    };
  }

  /** A sentence for one operation, in the sentences' language. */
  public String describe(Operation operation) {
    return describe(operation, Optional.empty(), Lookup.NONE);
  }

  /**
   * A sentence for one operation, in the sentences' language.
   *
   * @param undoer the operation that undoes it, when known: it tells what was there before
   */
  public String describe(Operation operation, Optional<Operation> undoer, Lookup lookup) {
    if (operation instanceof InquiryOperations.UpdateInquiry op) {
      return undoer
          .filter(u -> u instanceof InquiryOperations.UpdateInquiry)
          .map(u -> ((InquiryOperations.UpdateInquiry) u).inquiry().name())
          .filter(before -> !before.equals(op.inquiry().name()))
          .map(before -> t("history.inquiry.rename", before, op.inquiry().name()))
          .orElseGet(() -> t("history.inquiry.update", op.inquiry().name()));
    } else if (operation instanceof CaseOperations.CreateCase op) {
      return t("history.case.create", op.theCase().name());
    } else if (operation instanceof CaseOperations.UpdateCase op) {
      return undoer
          .filter(u -> u instanceof CaseOperations.UpdateCase)
          .map(u -> ((CaseOperations.UpdateCase) u).theCase().name())
          .filter(before -> !before.equals(op.theCase().name()))
          .map(before -> t("history.case.rename", before, op.theCase().name()))
          .orElseGet(() -> t("history.case.update", op.theCase().name()));
    } else if (operation instanceof CaseOperations.DeleteCase) {
      return undoer
          .filter(u -> u instanceof CaseOperations.RestoreCase)
          .map(
              u ->
                  t("history.case.delete.named", ((CaseOperations.RestoreCase) u).theCase().name()))
          .orElseGet(() -> t("history.case.delete"));
    } else if (operation instanceof CaseOperations.RestoreCase op) {
      return t("history.case.restore", op.theCase().name());
    } else if (operation instanceof SourceOperations.AddSource) {
      return t("history.source.add");
    } else if (operation instanceof SourceOperations.UpdateSourceMetadata) {
      return t("history.source.update");
    } else if (operation instanceof SourceOperations.DeleteSource) {
      return t("history.source.delete");
    } else if (operation instanceof SourceOperations.RestoreSource) {
      return t("history.source.restore");
    } else if (operation instanceof CodebookOperations.CreateCode op) {
      return t("history.code.create", op.code().name());
    } else if (operation instanceof CodebookOperations.UpdateCode op) {
      return updateCode(op.code(), undoer, lookup);
    } else if (operation instanceof CodebookOperations.ChangeCode op) {
      // A rename says from what to what; the names are in the change itself.
      if (op.after().name().isPresent()
          && op.before().name().isPresent()
          && !op.before().name().equals(op.after().name())) {
        return t("history.code.rename", op.before().name().get(), op.after().name().get());
      }
      return op.after().place().isPresent() && op.after().fields().size() == 1
          ? t("history.code.move")
          : t("history.code.change");
    } else if (operation instanceof CodebookOperations.DeleteCode op) {
      return undoer
          .filter(u -> u instanceof CodebookOperations.RestoreCodes)
          .flatMap(
              u ->
                  ((CodebookOperations.RestoreCodes) u)
                      .codes().stream().filter(c -> c.id().equals(op.codeId())).findFirst())
          .map(c -> t("history.code.delete.named", c.name()))
          .orElseGet(() -> t("history.code.delete"));
    } else if (operation instanceof CodebookOperations.RestoreCodes op) {
      return op.codes().stream()
          .filter(c -> c.id().equals(op.root()))
          .findFirst()
          .map(c -> t("history.code.restore.named", c.name()))
          .orElseGet(() -> t("history.code.restore"));
    } else if (operation instanceof CodingOperations.AddCoding op) {
      return codeName(op.coding().codeId(), lookup)
          .map(name -> t("history.coding.add.named", name))
          .orElseGet(() -> t("history.coding.add"));
    } else if (operation instanceof CodingOperations.RemoveCoding) {
      return undoer
          .filter(u -> u instanceof CodingOperations.AddCoding)
          .flatMap(u -> codeName(((CodingOperations.AddCoding) u).coding().codeId(), lookup))
          .map(name -> t("history.coding.remove.named", name))
          .orElseGet(() -> t("history.coding.remove"));
    } else if (operation instanceof CodingOperations.RecodeCoding op) {
      Optional<String> before =
          undoer
              .filter(u -> u instanceof CodingOperations.RecodeCoding)
              .flatMap(u -> codeName(((CodingOperations.RecodeCoding) u).codeId(), lookup));
      Optional<String> after = codeName(op.codeId(), lookup);
      if (before.isPresent() && after.isPresent()) {
        return t("history.coding.recode.named", before.get(), after.get());
      }
      return t("history.coding.recode");
    } else if (operation instanceof MemoOperations.CreateMemo) {
      return t("history.memo.create");
    } else if (operation instanceof MemoOperations.UpdateMemo) {
      return t("history.memo.update");
    } else if (operation instanceof MemoOperations.DeleteMemo) {
      return t("history.memo.delete");
    } else if (operation instanceof AttributeOperations.DefineAttribute op) {
      return t("history.attribute.define", op.definition().name());
    } else if (operation instanceof AttributeOperations.UpdateAttribute op) {
      return t("history.attribute.update", op.definition().name());
    } else if (operation instanceof AttributeOperations.DeleteAttribute) {
      return t("history.attribute.delete");
    } else if (operation instanceof AttributeOperations.RestoreAttribute op) {
      return t("history.attribute.restore", op.definition().name());
    } else if (operation instanceof AttributeOperations.SetAttributeValue) {
      return t("history.attribute.set");
    } else if (operation instanceof CompositeOperation composite) {
      return composite(composite, undoer, lookup);
    }
    return byType(operation.type());
  }

  /**
   * The sentence for an operation known by its type id only ({@code history.op.<type>}); every
   * registered type has one (checked by a test).
   */
  public String byType(String type) {
    String key = "history.op." + type;
    return messages.has(lang, key) ? t(key) : t("history.other");
  }

  private String updateCode(Code after, Optional<Operation> undoer, Lookup lookup) {
    Optional<Code> before =
        undoer
            .filter(u -> u instanceof CodebookOperations.UpdateCode)
            .map(u -> ((CodebookOperations.UpdateCode) u).code());
    if (before.isEmpty()) {
      return t("history.code.update", after.name());
    }
    Code old = before.get();
    if (!old.name().equals(after.name())) {
      return t("history.code.rename", old.name(), after.name());
    }
    if (!old.parentId().equals(after.parentId())) {
      return after
          .parentId()
          .flatMap(parent -> codeName(parent, lookup))
          .map(parent -> t("history.code.move.under", after.name(), parent))
          .orElseGet(() -> t("history.code.move.named", after.name()));
    }
    if (old.position() != after.position()) {
      return t("history.code.move.named", after.name());
    }
    if (!old.colour().equals(after.colour())) {
      return t("history.code.colour", after.name());
    }
    if (!old.description().equals(after.description())) {
      return t("history.code.describe", after.name());
    }
    return t("history.code.update", after.name());
  }

  private Optional<String> codeName(CodeId code, Lookup lookup) {
    return lookup.codeNames().apply(code);
  }

  /**
   * A merge names the code merged (from the codebook when the merge was undone, else from what
   * undoes it) and the code it went into (the code its codings were recoded to).
   */
  private String merge(List<Operation> steps, Optional<Operation> undoer, Lookup lookup) {
    Optional<CodeId> merged =
        steps.stream()
            .filter(s -> s instanceof CodebookOperations.DeleteCode)
            .map(s -> ((CodebookOperations.DeleteCode) s).codeId())
            .findFirst();
    Optional<String> from =
        merged.flatMap(
            code ->
                codeName(code, lookup)
                    .or(
                        () ->
                            undoer.stream()
                                .filter(u -> u instanceof CompositeOperation)
                                .flatMap(u -> ((CompositeOperation) u).steps().stream())
                                .filter(u -> u instanceof CodebookOperations.RestoreCodes)
                                .flatMap(
                                    u -> ((CodebookOperations.RestoreCodes) u).codes().stream())
                                .filter(c -> c.id().equals(code))
                                .map(Code::name)
                                .findFirst()));
    Optional<String> into =
        steps.stream()
            .filter(s -> s instanceof CodingOperations.RecodeCoding)
            .map(s -> ((CodingOperations.RecodeCoding) s).codeId())
            .findFirst()
            .flatMap(code -> codeName(code, lookup));
    if (from.isPresent() && into.isPresent()) {
      return t("history.code.merge.named", from.get(), into.get());
    }
    return from.map(name -> t("history.code.merge.from", name))
        .orElseGet(() -> t("history.code.merge"));
  }

  private String composite(
      CompositeOperation composite, Optional<Operation> undoer, Lookup lookup) {
    List<Operation> steps = composite.steps();
    if (steps.isEmpty()) {
      return t("history.changes", 0);
    }
    // Auto-coding of search hits: many codings, usually with one code.
    if (steps.stream().allMatch(s -> s instanceof CodingOperations.AddCoding)) {
      List<CodeId> codes =
          steps.stream()
              .map(s -> ((CodingOperations.AddCoding) s).coding().codeId())
              .distinct()
              .toList();
      Optional<String> name = codes.size() == 1 ? codeName(codes.get(0), lookup) : Optional.empty();
      return name.map(n -> t("history.coding.add.many.named", steps.size(), n))
          .orElseGet(() -> t("history.coding.add.many", steps.size()));
    }
    // Merging codes deletes one and recodes its codings; moving a code updates its siblings.
    if (steps.stream()
        .anyMatch(
            s ->
                s instanceof CodebookOperations.DeleteCode
                    || s instanceof CodebookOperations.RestoreCodes)) {
      return merge(steps, undoer, lookup);
    }
    if (steps.stream()
        .allMatch(
            s ->
                s instanceof CodebookOperations.UpdateCode
                    || s instanceof CodebookOperations.ChangeCode)) {
      return t("history.code.move");
    }
    // Deleting a journey element removes its links first: the element's deletion says it.
    Operation main = steps.get(steps.size() - 1);
    String first = describe(main, Optional.empty(), lookup);
    long others = steps.stream().filter(s -> !Objects.equals(s.type(), main.type())).count();
    long same = steps.size() - others;
    if (others == 0 && same == 1) {
      return first;
    }
    if (main.type().endsWith(".delete") && main.type().startsWith("journey.")) {
      return first;
    }
    return t("history.changes.with", steps.size(), describe(steps.get(0)));
  }

  private String t(String key, Object... args) {
    return messages.get(lang, key, args);
  }
}
