package org.fabrique.core.user;

import java.util.List;
import java.util.Optional;
import org.fabrique.core.inquiry.InquiryId;

/** Who is a member of which inquiry, with which role (one role per user and inquiry). */
public interface MembershipStore {
  /** Adds the membership, or changes the role of an existing one. */
  void put(Membership membership);

  void remove(InquiryId inquiry, UserId user);

  Optional<Role> role(InquiryId inquiry, UserId user);

  /** The members of an inquiry, by user id. */
  List<Membership> members(InquiryId inquiry);

  /** The memberships of a user, by inquiry id. */
  List<Membership> of(UserId user);
}
