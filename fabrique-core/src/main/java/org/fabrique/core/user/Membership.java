package org.fabrique.core.user;

import org.fabrique.core.inquiry.InquiryId;

/** A user's role in one inquiry. */
public record Membership(InquiryId inquiry, UserId user, Role role) {}
