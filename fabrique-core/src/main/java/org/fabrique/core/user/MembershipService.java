package org.fabrique.core.user;

import java.util.List;
import java.util.Optional;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.store.Store;

/**
 * The members of each inquiry and their roles. Site admins act as owners of every inquiry without
 * being members. An inquiry keeps at least one owner once it has one.
 */
public final class MembershipService {
  /** A member as lists show them. */
  public record Member(User user, Role role) {}

  private final Store store;

  public MembershipService(Store store) {
    this.store = store;
  }

  /** Adds a member to an inquiry, or gives an existing member another role. */
  public Member put(InquiryId inquiry, UserId user, Role role) {
    return store.inTransaction(
        tx -> {
          tx.inquiries()
              .findInquiry(inquiry)
              .orElseThrow(() -> new NotFoundException("There is no inquiry " + inquiry));
          User found =
              tx.users().find(user).orElseThrow(() -> new NotFoundException("No user " + user));
          Optional<Role> before = tx.memberships().role(inquiry, user);
          if (before.equals(Optional.of(Role.OWNER)) && role != Role.OWNER) {
            requireAnotherOwner(tx.memberships().members(inquiry), user);
          }
          tx.memberships().put(new Membership(inquiry, user, role));
          return new Member(found, role);
        });
  }

  /** Removes a member from an inquiry. */
  public void remove(InquiryId inquiry, UserId user) {
    store.inTransaction(
        tx -> {
          Optional<Role> before = tx.memberships().role(inquiry, user);
          if (before.isEmpty()) {
            throw new NotFoundException("This user is not a member of the inquiry");
          }
          if (before.get() == Role.OWNER) {
            requireAnotherOwner(tx.memberships().members(inquiry), user);
          }
          tx.memberships().remove(inquiry, user);
          return null;
        });
  }

  /** The members of an inquiry with their roles. */
  public List<Member> members(InquiryId inquiry) {
    return store.inTransaction(
        tx ->
            tx.memberships().members(inquiry).stream()
                .map(
                    m ->
                        new Member(
                            tx.users()
                                .find(m.user())
                                .orElseThrow(() -> new NotFoundException("No user " + m.user())),
                            m.role()))
                .toList());
  }

  /**
   * What a user may do in an inquiry: their role there; owner for a site admin; empty when they are
   * not a member (or their account is disabled).
   */
  public Optional<Role> roleOf(UserId user, InquiryId inquiry) {
    return store.inTransaction(
        tx -> {
          Optional<Account> account = tx.users().account(user);
          if (account.isEmpty() || account.get().disabled()) {
            return Optional.<Role>empty();
          }
          if (account.get().admin()) {
            return Optional.of(Role.OWNER);
          }
          return tx.memberships().role(inquiry, user);
        });
  }

  /** The inquiry an item belongs to; empty when there is no such item. */
  public Optional<InquiryId> inquiryOf(Scope scope, long id) {
    return store.inTransaction(tx -> scope.inquiryOf(tx, id));
  }

  /** Who made an item that is someone's work (a coding, a memo); empty for other items. */
  public Optional<UserId> authorOf(Scope scope, long id) {
    return store.inTransaction(tx -> scope.authorOf(tx, id));
  }

  /**
   * Whether a source is marked confidential or secret: served only to the owners and researchers of
   * its inquiry.
   */
  public boolean isRestricted(SourceId source) {
    return store.inTransaction(
        tx ->
            tx.corpus()
                .findSource(source)
                .map(s -> s.confidentiality().compareTo(Confidentiality.CONFIDENTIAL) >= 0)
                .orElse(false));
  }

  /** The inquiries a user is a member of. */
  public List<Membership> of(UserId user) {
    return store.inTransaction(tx -> tx.memberships().of(user));
  }

  private static void requireAnotherOwner(List<Membership> members, UserId leaving) {
    boolean another =
        members.stream().anyMatch(m -> m.role() == Role.OWNER && !m.user().equals(leaving));
    if (!another) {
      throw new ConflictException("An inquiry keeps at least one owner; add another owner first");
    }
  }
}
