package org.fabrique.core.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.attribute.AttributeStore;
import org.fabrique.core.attribute.AttributeValue;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.exchange.GuidStore;
import org.fabrique.core.exchange.ItemGuid;
import org.fabrique.core.exchange.ReceivedFact;
import org.fabrique.core.exchange.ReceivedFactStore;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryStore;
import org.fabrique.core.link.Link;
import org.fabrique.core.link.LinkId;
import org.fabrique.core.link.LinkStore;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.core.memo.Memo;
import org.fabrique.core.memo.MemoId;
import org.fabrique.core.memo.MemoStore;
import org.fabrique.core.set.ItemSet;
import org.fabrique.core.set.SetId;
import org.fabrique.core.set.SetStore;
import org.fabrique.core.user.Account;
import org.fabrique.core.user.Membership;
import org.fabrique.core.user.MembershipStore;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.Session;
import org.fabrique.core.user.SessionStore;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserId;
import org.fabrique.core.user.UserStore;

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

  static final class Users implements UserStore {
    private final Table<UserId, Account> accounts;
    private final Table<UserId, String> hashes;

    private final Table<List<String>, UserId> identities;

    Users(Journal journal) {
      accounts = new Table<>(journal);
      hashes = new Table<>(journal);
      identities = new Table<>(journal);
    }

    @Override
    public void insert(User user) {
      if (findByLogin(user.login()).isPresent()) {
        throw new ConflictException("This login is already taken");
      }
      accounts.insert(user.id(), new Account(user, false, false));
    }

    @Override
    public Optional<User> find(UserId id) {
      return accounts.get(id).map(Account::user);
    }

    @Override
    public Optional<User> findByLogin(String login) {
      return accounts.values().stream()
          .map(Account::user)
          .filter(u -> u.login().equals(login))
          .findFirst();
    }

    @Override
    public List<User> list() {
      return accounts().stream().map(Account::user).toList();
    }

    @Override
    public Optional<Account> account(UserId id) {
      return accounts.get(id);
    }

    @Override
    public List<Account> accounts() {
      return accounts.values().stream()
          .sorted(
              Comparator.comparing((Account a) -> a.user().login())
                  .thenComparingLong(a -> a.user().id().value()))
          .toList();
    }

    @Override
    public void updateAccount(Account account) {
      accounts.update(account.user().id(), account, "This user");
    }

    @Override
    public Optional<String> passwordHash(UserId id) {
      return hashes.get(id);
    }

    @Override
    public void setPasswordHash(UserId id, String hash) {
      if (accounts.get(id).isEmpty()) {
        throw new ConflictException("This user no longer exists");
      }
      hashes.put(id, hash);
    }

    @Override
    public Optional<User> findByIdentity(String issuer, String subject) {
      return identities.get(List.of(issuer, subject)).flatMap(this::find);
    }

    @Override
    public void linkIdentity(UserId user, String issuer, String subject) {
      if (accounts.get(user).isEmpty()) {
        throw MemoryRules.brokenReference();
      }
      identities.insert(List.of(issuer, subject), user);
    }
  }

  static final class Sessions implements SessionStore {
    private final Table<String, Session> sessions;

    Sessions(Journal journal) {
      sessions = new Table<>(journal);
    }

    @Override
    public void insert(Session session) {
      sessions.insert(session.id(), session);
    }

    @Override
    public Optional<Session> find(String id) {
      return sessions.get(id);
    }

    @Override
    public void touch(String id, Instant lastSeenAt) {
      sessions.get(id).ifPresent(s -> sessions.put(id, s.seenAt(lastSeenAt)));
    }

    @Override
    public void delete(String id) {
      sessions.remove(id);
    }

    @Override
    public void deleteOfUser(UserId user) {
      sessions.values().stream()
          .filter(s -> s.user().equals(user))
          .map(Session::id)
          .toList()
          .forEach(sessions::remove);
    }

    @Override
    public void deleteExpired(Instant idleBefore, Instant createdBefore) {
      sessions.values().stream()
          .filter(s -> s.lastSeenAt().isBefore(idleBefore) || s.createdAt().isBefore(createdBefore))
          .map(Session::id)
          .toList()
          .forEach(sessions::remove);
    }
  }

  static final class Memberships implements MembershipStore {
    private final Table<Map.Entry<InquiryId, UserId>, Membership> memberships;
    private final Predicate<InquiryId> inquiryExists;
    private final Predicate<UserId> userExists;

    Memberships(Journal journal, Predicate<InquiryId> inquiryExists, Predicate<UserId> userExists) {
      memberships = new Table<>(journal);
      this.inquiryExists = inquiryExists;
      this.userExists = userExists;
    }

    @Override
    public void put(Membership membership) {
      if (!inquiryExists.test(membership.inquiry()) || !userExists.test(membership.user())) {
        throw MemoryRules.brokenReference();
      }
      memberships.put(Map.entry(membership.inquiry(), membership.user()), membership);
    }

    @Override
    public void remove(InquiryId inquiry, UserId user) {
      memberships.remove(Map.entry(inquiry, user));
    }

    @Override
    public Optional<Role> role(InquiryId inquiry, UserId user) {
      return memberships.get(Map.entry(inquiry, user)).map(Membership::role);
    }

    @Override
    public List<Membership> members(InquiryId inquiry) {
      return memberships.values().stream()
          .filter(m -> m.inquiry().equals(inquiry))
          .sorted(Comparator.comparingLong(m -> m.user().value()))
          .toList();
    }

    @Override
    public List<Membership> of(UserId user) {
      return memberships.values().stream()
          .filter(m -> m.user().equals(user))
          .sorted(Comparator.comparingLong(m -> m.inquiry().value()))
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

  static final class Sets implements SetStore {
    private final Table<SetId, ItemSet> sets;

    Sets(Journal journal) {
      sets = new Table<>(journal);
    }

    @Override
    public void insert(ItemSet set) {
      sets.insert(set.id(), set);
    }

    @Override
    public void update(ItemSet set) {
      sets.update(set.id(), set, "Set " + set.id());
    }

    @Override
    public void delete(SetId id) {
      sets.delete(id, "Set " + id);
    }

    @Override
    public Optional<ItemSet> find(SetId id) {
      return sets.get(id);
    }

    @Override
    public List<ItemSet> list(InquiryId inquiry) {
      return sets.values().stream()
          .filter(s -> s.inquiryId().equals(inquiry))
          .sorted(Comparator.comparing(ItemSet::name).thenComparingLong(s -> s.id().value()))
          .toList();
    }

    @Override
    public List<ItemSet> containing(ItemRef member) {
      return sets.values().stream()
          .filter(s -> s.members().contains(member))
          .sorted(Comparator.comparingLong(s -> s.id().value()))
          .toList();
    }
  }

  static final class Links implements LinkStore {
    private final Table<LinkId, Link> links;

    Links(Journal journal) {
      links = new Table<>(journal);
    }

    @Override
    public void insert(Link link) {
      links.insert(link.id(), link);
    }

    @Override
    public void update(Link link) {
      links.update(link.id(), link, "Link " + link.id());
    }

    @Override
    public void delete(LinkId id) {
      links.delete(id, "Link " + id);
    }

    @Override
    public Optional<Link> find(LinkId id) {
      return links.get(id);
    }

    @Override
    public List<Link> list(InquiryId inquiry) {
      return links.values().stream()
          .filter(l -> l.inquiryId().equals(inquiry))
          .sorted(Comparator.comparingLong(l -> l.id().value()))
          .toList();
    }

    @Override
    public List<Link> touching(ItemRef item) {
      return links.values().stream()
          .filter(l -> l.origin().equals(item) || l.target().equals(item))
          .sorted(Comparator.comparingLong(l -> l.id().value()))
          .toList();
    }
  }

  static final class Guids implements GuidStore {
    private final Table<List<Object>, Map.Entry<InquiryId, ItemGuid>> guids;

    Guids(Journal journal) {
      guids = new Table<>(journal);
    }

    @Override
    public void put(InquiryId inquiry, ItemGuid guid) {
      guids.put(List.of(inquiry, guid.item()), Map.entry(inquiry, guid));
    }

    @Override
    public void remove(InquiryId inquiry, ItemRef item) {
      guids.remove(List.of(inquiry, item));
    }

    @Override
    public Optional<String> find(InquiryId inquiry, ItemRef item) {
      return guids.get(List.of(inquiry, item)).map(e -> e.getValue().guid());
    }

    @Override
    public List<ItemGuid> list(InquiryId inquiry) {
      return guids.values().stream()
          .filter(e -> e.getKey().equals(inquiry))
          .map(Map.Entry::getValue)
          .sorted(
              Comparator.comparing((ItemGuid g) -> g.item().kind().id())
                  .thenComparingLong(g -> g.item().id()))
          .toList();
    }
  }

  static final class ReceivedFacts implements ReceivedFactStore {
    private final Table<List<Object>, Map.Entry<InquiryId, ReceivedFact>> facts;
    private final Predicate<InquiryId> inquiryExists;

    ReceivedFacts(Journal journal, Predicate<InquiryId> inquiryExists) {
      facts = new Table<>(journal);
      this.inquiryExists = inquiryExists;
    }

    @Override
    public void putAll(InquiryId inquiry, List<ReceivedFact> received) {
      if (!received.isEmpty() && !inquiryExists.test(inquiry)) {
        throw MemoryRules.brokenReference();
      }
      for (ReceivedFact fact : received) {
        facts.put(List.of(inquiry, fact.item(), fact.name()), Map.entry(inquiry, fact));
      }
    }

    @Override
    public List<ReceivedFact> list(InquiryId inquiry) {
      return facts.values().stream()
          .filter(e -> e.getKey().equals(inquiry))
          .map(Map.Entry::getValue)
          .sorted(
              Comparator.comparing((ReceivedFact f) -> f.item().kind().id())
                  .thenComparingLong(f -> f.item().id())
                  .thenComparing(ReceivedFact::name))
          .toList();
    }
  }
}
