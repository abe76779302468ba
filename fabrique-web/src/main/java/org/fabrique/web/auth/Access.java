package org.fabrique.web.auth;

import java.util.Objects;
import org.fabrique.core.user.Role;

/**
 * What a route requires, declared where the route is registered ({@link Routes}).
 *
 * <ul>
 *   <li>{@link #anyone()}: no sign-in (the sign-in page, the language switch).
 *   <li>{@link #signedIn()}: any signed-in user; the handler shows only what they may see.
 *   <li>{@link #admin()}: site admins.
 *   <li>{@link #role(Role)}: at least this role in the inquiry of the item the address names (found
 *       from its path parameter: {@code {inquiry}}, {@code {source}}, {@code {code}}…).
 *   <li>{@link #ownWorkOr(Role, Role)}: at least the first role for one's own coding or memo, the
 *       second for someone else's.
 * </ul>
 *
 * Sources marked confidential or secret are served only to researchers and owners, whatever the
 * route declares.
 */
public sealed interface Access {
  static Access anyone() {
    return new Anyone();
  }

  static Access signedIn() {
    return new SignedInUser();
  }

  static Access admin() {
    return new Admin();
  }

  static Access role(Role role) {
    return new InInquiry(role);
  }

  static Access ownWorkOr(Role own, Role others) {
    return new OwnWork(own, others);
  }

  /** No sign-in needed. */
  record Anyone() implements Access {}

  /** Any signed-in user. */
  record SignedInUser() implements Access {}

  /** Site admins only. */
  record Admin() implements Access {}

  /** A role in the inquiry of the addressed item. */
  record InInquiry(Role role) implements Access {
    public InInquiry {
      Objects.requireNonNull(role, "role");
    }
  }

  /** A role for one's own work, another for someone else's. */
  record OwnWork(Role own, Role others) implements Access {
    public OwnWork {
      Objects.requireNonNull(own, "own");
      Objects.requireNonNull(others, "others");
    }
  }
}
