package org.fabrique.core.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.Account;
import org.fabrique.core.user.Membership;
import org.fabrique.core.user.MembershipStore;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.Session;
import org.fabrique.core.user.SessionStore;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserId;
import org.fabrique.core.user.UserStore;

/** The user stores of the {@link MemoryStore}: accounts, sessions and memberships. */
final class MemoryUserStores {
  private MemoryUserStores() {}

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
}
