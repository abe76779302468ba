package org.fabrique.core.testing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.attribute.AttributeStore;
import org.fabrique.core.attribute.AttributeValue;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryStore;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.memo.MemoId;
import org.fabrique.core.memo.MemoStore;

/** The simple stores of the {@link MemoryStore}: one table each, scanned for lists. */
final class MemoryRecordStores {
  private MemoryRecordStores() {}

  static final class Inquiries implements InquiryStore {
    private final Table<InquiryId, Inquiry> inquiries;
    private final Table<CaseId, Case> cases;
    private final Predicate<CaseId> caseReferenced;

    /**
     * @param caseReferenced whether rows of other tables refer to a case (its sources), which makes
     *     deleting it a conflict
     */
    Inquiries(Journal journal, Predicate<CaseId> caseReferenced) {
      inquiries = new Table<>(journal);
      cases = new Table<>(journal);
      this.caseReferenced = caseReferenced;
    }

    @Override
    public void insertInquiry(Inquiry inquiry) {
      inquiries.insert(inquiry.id(), inquiry);
    }

    @Override
    public void updateInquiry(Inquiry inquiry) {
      inquiries.update(inquiry.id(), inquiry, "Inquiry " + inquiry.id());
    }

    @Override
    public Optional<Inquiry> findInquiry(InquiryId id) {
      return inquiries.get(id);
    }

    @Override
    public List<Inquiry> listInquiries() {
      return inquiries.values().stream()
          .sorted(Comparator.comparingLong(i -> i.id().value()))
          .toList();
    }

    @Override
    public void insertCase(Case theCase) {
      if (inquiries.get(theCase.inquiryId()).isEmpty()) {
        throw MemoryRules.brokenReference();
      }
      cases.insert(theCase.id(), theCase);
    }

    @Override
    public void updateCase(Case theCase) {
      cases.update(theCase.id(), theCase, "Case " + theCase.id());
    }

    @Override
    public void deleteCase(CaseId id) {
      if (cases.get(id).isPresent() && caseReferenced.test(id)) {
        throw MemoryRules.brokenReference();
      }
      cases.delete(id, "Case " + id);
    }

    @Override
    public Optional<Case> findCase(CaseId id) {
      return cases.get(id);
    }

    @Override
    public List<Case> listCases(InquiryId inquiry) {
      return cases.values().stream()
          .filter(c -> c.inquiryId().equals(inquiry))
          .sorted(Comparator.comparingLong(c -> c.id().value()))
          .toList();
    }
  }

  static final class Memos implements MemoStore {
    private final Table<MemoId, Memo> memos;

    Memos(Journal journal) {
      memos = new Table<>(journal);
    }

    @Override
    public void insert(Memo memo) {
      memos.insert(memo.id(), memo);
    }

    @Override
    public void update(Memo memo) {
      memos.update(memo.id(), memo, "Memo " + memo.id());
    }

    @Override
    public void delete(MemoId id) {
      memos.delete(id, "Memo " + id);
    }

    @Override
    public Optional<Memo> find(MemoId id) {
      return memos.get(id);
    }

    @Override
    public List<Memo> list(InquiryId inquiry) {
      return memos.values().stream()
          .filter(m -> m.inquiryId().equals(inquiry))
          .sorted(Comparator.comparingLong(m -> m.id().value()))
          .toList();
    }

    @Override
    public List<Memo> about(ItemRef target) {
      return memos.values().stream()
          .filter(m -> m.target().equals(target))
          .sorted(Comparator.comparingLong(m -> m.id().value()))
          .toList();
    }
  }

  static final class Attributes implements AttributeStore {
    private final Table<AttributeId, AttributeDefinition> definitions;
    private final Table<List<Long>, AttributeValue> values;

    Attributes(Journal journal) {
      definitions = new Table<>(journal);
      values = new Table<>(journal);
    }

    @Override
    public void insertDefinition(AttributeDefinition definition) {
      requireFreeName(definition);
      definitions.insert(definition.id(), definition);
    }

    @Override
    public void updateDefinition(AttributeDefinition definition) {
      requireFreeName(definition);
      definitions.update(definition.id(), definition, "Attribute " + definition.id());
    }

    @Override
    public void deleteDefinition(AttributeId id) {
      if (definitions.get(id).isPresent() && !valuesOf(id).isEmpty()) {
        throw MemoryRules.brokenReference();
      }
      definitions.delete(id, "Attribute " + id);
    }

    /** One name per scope in an inquiry, as the database's unique constraint wants. */
    private void requireFreeName(AttributeDefinition definition) {
      boolean taken =
          definitions.values().stream()
              .anyMatch(
                  d ->
                      !d.id().equals(definition.id())
                          && d.inquiryId().equals(definition.inquiryId())
                          && d.scope() == definition.scope()
                          && d.name().equals(definition.name()));
      if (taken) {
        throw new ConflictException("An attribute of this name already exists");
      }
    }

    @Override
    public Optional<AttributeDefinition> findDefinition(AttributeId id) {
      return definitions.get(id);
    }

    @Override
    public List<AttributeDefinition> listDefinitions(InquiryId inquiry) {
      return definitions.values().stream()
          .filter(d -> d.inquiryId().equals(inquiry))
          .sorted(Comparator.comparingLong(d -> d.id().value()))
          .toList();
    }

    @Override
    public void putValue(AttributeValue value) {
      if (definitions.get(value.attributeId()).isEmpty()) {
        throw MemoryRules.brokenReference();
      }
      values.put(List.of(value.attributeId().value(), value.ownerId()), value);
    }

    @Override
    public void deleteValue(AttributeId attribute, long ownerId) {
      values.remove(List.of(attribute.value(), ownerId));
    }

    @Override
    public Optional<AttributeValue> findValue(AttributeId attribute, long ownerId) {
      return values.get(List.of(attribute.value(), ownerId));
    }

    @Override
    public List<AttributeValue> valuesOf(AttributeId attribute) {
      return values.values().stream()
          .filter(v -> v.attributeId().equals(attribute))
          .sorted(Comparator.comparingLong(AttributeValue::ownerId))
          .toList();
    }

    @Override
    public List<AttributeValue> valuesOfOwner(long ownerId) {
      return values.values().stream()
          .filter(v -> v.ownerId() == ownerId)
          .sorted(Comparator.comparingLong(v -> v.attributeId().value()))
          .toList();
    }
  }
}
