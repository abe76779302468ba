package org.fabrique.core.inquiry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.attribute.AttributeValue;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.Require;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.store.Transaction;

/** The operations on cases. */
public final class CaseOperations {
  public static final List<Map.Entry<String, Class<? extends Operation>>> TYPES =
      List.of(
          Map.entry("case.create", CreateCase.class),
          Map.entry("case.update", UpdateCase.class),
          Map.entry("case.delete", DeleteCase.class),
          Map.entry("case.restore", RestoreCase.class));

  private CaseOperations() {}

  /** Creates a case. */
  public record CreateCase(Case theCase) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      tx.inquiries().insertCase(theCase);
      return new DeleteCase(theCase.id());
    }

    @Override
    public String describe() {
      return "Created case " + theCase.name();
    }
  }

  /** Changes a case's name, domain or description. */
  public record UpdateCase(Case theCase) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Case before = Require.present(tx.inquiries().findCase(theCase.id()), "Case " + theCase.id());
      tx.inquiries().updateCase(theCase);
      return new UpdateCase(before);
    }

    @Override
    public String describe() {
      return "Changed case " + theCase.name();
    }
  }

  /** Deletes a case; its sources stay, without a case. */
  public record DeleteCase(CaseId caseId) implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      Case theCase = Require.present(tx.inquiries().findCase(caseId), "Case " + caseId);
      List<Source> sources = tx.corpus().sourcesOfCase(caseId);
      for (Source source : sources) {
        tx.corpus().updateSource(source.withCase(Optional.empty()));
      }
      List<AttributeValue> values = tx.attributes().valuesOfOwner(caseId.value());
      values.forEach(v -> tx.attributes().deleteValue(v.attributeId(), v.ownerId()));
      List<Memo> memos = tx.memos().about(new ItemRef(ItemKind.CASE, caseId.value()));
      memos.forEach(m -> tx.memos().delete(m.id()));
      tx.inquiries().deleteCase(caseId);
      return new RestoreCase(theCase, sources.stream().map(Source::id).toList(), values, memos);
    }

    @Override
    public String describe() {
      return "Deleted case " + caseId;
    }
  }

  /** Puts back a deleted case with its sources' membership, attribute values and memos. */
  public record RestoreCase(
      Case theCase, List<SourceId> sources, List<AttributeValue> values, List<Memo> memos)
      implements Operation {
    @Override
    public Operation apply(Transaction tx) {
      tx.inquiries().insertCase(theCase);
      for (SourceId id : sources) {
        Source source = Require.present(tx.corpus().findSource(id), "Source " + id);
        tx.corpus().updateSource(source.withCase(Optional.of(theCase.id())));
      }
      values.forEach(tx.attributes()::putValue);
      memos.forEach(tx.memos()::insert);
      return new DeleteCase(theCase.id());
    }

    @Override
    public String describe() {
      return "Restored case " + theCase.name();
    }
  }
}
