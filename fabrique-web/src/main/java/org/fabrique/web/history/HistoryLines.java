package org.fabrique.web.history;

import java.time.Instant;
import org.fabrique.core.attribute.AttributeOperations;
import org.fabrique.core.coding.CodebookOperations;
import org.fabrique.core.coding.CodingOperations;
import org.fabrique.core.corpus.SourceOperations;
import org.fabrique.core.history.CompositeOperation;
import org.fabrique.core.history.HistoryEntry;
import org.fabrique.core.history.Operation;
import org.fabrique.core.inquiry.CaseOperations;
import org.fabrique.core.inquiry.InquiryOperations;
import org.fabrique.core.memo.MemoOperations;
import org.fabrique.web.Page;

/**
 * History lines in the interface's language. Operations describe themselves in English for logs and
 * files; here each known operation gets a translated sentence, naming cases, codes and attributes
 * (never quoting field material).
 */
public final class HistoryLines {
  private HistoryLines() {}

  /** A history line as shown on a page. */
  public record Line(long id, String text, long userId, Instant at, String kind, boolean undone) {}

  public static Line of(Page page, HistoryEntry entry) {
    String action = describe(page, entry.operation());
    String text =
        switch (entry.kind()) {
          case DO -> action;
          case UNDO -> page.t("history.undid", action);
          case REDO -> page.t("history.redid", action);
        };
    return new Line(
        entry.id(),
        text,
        entry.userId().value(),
        entry.at(),
        entry.kind().name().toLowerCase(java.util.Locale.ROOT),
        entry.kind() == HistoryEntry.Kind.DO
            && entry.status() != HistoryEntry.Status.ACTIVE
            && entry.status() != HistoryEntry.Status.SET_ASIDE);
  }

  /** A sentence for one operation, in the page's language. */
  public static String describe(Page page, Operation operation) {
    if (operation instanceof InquiryOperations.UpdateInquiry op) {
      return page.t("history.inquiry.update", op.inquiry().name());
    } else if (operation instanceof CaseOperations.CreateCase op) {
      return page.t("history.case.create", op.theCase().name());
    } else if (operation instanceof CaseOperations.UpdateCase op) {
      return page.t("history.case.update", op.theCase().name());
    } else if (operation instanceof CaseOperations.DeleteCase) {
      return page.t("history.case.delete");
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
      return page.t("history.code.update", op.code().name());
    } else if (operation instanceof CodebookOperations.ChangeCode op) {
      return op.after().place().isPresent() && op.after().fields().size() == 1
          ? page.t("history.code.move")
          : page.t("history.code.change");
    } else if (operation instanceof CodebookOperations.DeleteCode) {
      return page.t("history.code.delete");
    } else if (operation instanceof CodebookOperations.RestoreCodes) {
      return page.t("history.code.restore");
    } else if (operation instanceof CodingOperations.AddCoding) {
      return page.t("history.coding.add");
    } else if (operation instanceof CodingOperations.RemoveCoding) {
      return page.t("history.coding.remove");
    } else if (operation instanceof CodingOperations.RecodeCoding) {
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
      return composite(page, composite);
    }
    return page.t("history.other");
  }

  private static String composite(Page page, CompositeOperation composite) {
    // Composite operations are made by the codebook's move and merge; their steps tell which.
    boolean deletes =
        composite.steps().stream().anyMatch(s -> s instanceof CodebookOperations.DeleteCode);
    boolean restores =
        composite.steps().stream().anyMatch(s -> s instanceof CodebookOperations.RestoreCodes);
    if (deletes || restores) {
      return page.t("history.code.merge");
    }
    boolean codebook =
        !composite.steps().isEmpty()
            && composite.steps().stream()
                .allMatch(
                    s ->
                        s instanceof CodebookOperations.UpdateCode
                            || s instanceof CodebookOperations.ChangeCode);
    if (codebook) {
      return page.t("history.code.move");
    }
    return page.t("history.changes", composite.steps().size());
  }
}
