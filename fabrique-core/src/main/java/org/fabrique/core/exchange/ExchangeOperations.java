package org.fabrique.core.exchange;

import java.util.List;
import java.util.Map;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.Require;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.store.Transaction;

/** The operations of exchanges with other tools. */
public final class ExchangeOperations {
  public static final List<Map.Entry<String, Class<? extends Operation>>> TYPES =
      List.of(
          Map.entry("exchange.guids.record", RecordGuids.class),
          Map.entry("exchange.guids.forget", ForgetGuids.class),
          Map.entry("exchange.project.imported", ProjectImported.class),
          Map.entry("exchange.project.import-kept", ProjectImportKept.class));

  private ExchangeOperations() {}

  /** Keeps the GUIDs items had in an imported file. */
  public record RecordGuids(InquiryId inquiryId, List<ItemGuid> guids) implements Operation {
    public RecordGuids {
      guids = List.copyOf(guids);
    }

    @Override
    public Operation apply(Transaction tx) {
      tx.guids().putAll(inquiryId, guids);
      return new ForgetGuids(inquiryId, guids);
    }

    @Override
    public String describe() {
      return "Kept " + guids.size() + " GUIDs of an imported file";
    }
  }

  /** Forgets GUIDs (the undo of {@link RecordGuids}). */
  public record ForgetGuids(InquiryId inquiryId, List<ItemGuid> guids) implements Operation {
    public ForgetGuids {
      guids = List.copyOf(guids);
    }

    @Override
    public Operation apply(Transaction tx) {
      guids.forEach(g -> tx.guids().remove(inquiryId, g.item()));
      return new RecordGuids(inquiryId, guids);
    }

    @Override
    public String describe() {
      return "Forgot " + guids.size() + " GUIDs of an imported file";
    }
  }

  /**
   * Records in the history of a new inquiry that it was created from an exchange file. The import
   * itself created the inquiry, so it is not undone line by line: its inverse refuses, and the user
   * deletes the inquiry instead (see docs/decisions/0005-refi-qda-exchange.md).
   *
   * @param fileName the name of the imported file, without its folder
   * @param summary what was imported, e.g. "12 sources, 40 codes, 310 codings"
   */
  public record ProjectImported(InquiryId inquiryId, String fileName, String summary)
      implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Require.present(tx.inquiries().findInquiry(inquiryId), "Inquiry " + inquiryId);
      return new ProjectImportKept(fileName);
    }

    @Override
    public String describe() {
      return "Created from the exchange file " + fileName + " (" + summary + ")";
    }
  }

  /** The inverse of {@link ProjectImported}: refuses, since the import made the inquiry. */
  public record ProjectImportKept(String fileName) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      throw new ConflictException(
          "This inquiry was created by importing "
              + fileName
              + "; the import cannot be undone, delete the inquiry instead");
    }

    @Override
    public String describe() {
      return "Undo the import of " + fileName;
    }
  }
}
