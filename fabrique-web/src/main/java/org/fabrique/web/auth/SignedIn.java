package org.fabrique.web.auth;

import org.fabrique.core.user.User;

/**
 * Who a request is made by: the user every change is recorded as, and whether they administer the
 * site (the local owner of the single-user mode does).
 */
public record SignedIn(User user, boolean admin) {}
