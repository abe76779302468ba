package org.fabrique.core.user;

/**
 * A user as the server's accounts see them: whether they administer the site (every inquiry, every
 * member) and whether their account is disabled (no sign-in, no session).
 */
public record Account(User user, boolean admin, boolean disabled) {
  public Account withAdmin() {
    return new Account(user, true, disabled);
  }

  public Account withDisabled() {
    return new Account(user, admin, true);
  }

  public Account withEnabled() {
    return new Account(user, admin, false);
  }
}
