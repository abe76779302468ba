package org.fabrique.core.user;

import java.util.List;
import java.util.Optional;

/** Where users, their accounts and the hashes of their passwords are kept. */
public interface UserStore {
  void insert(User user);

  Optional<User> find(UserId id);

  Optional<User> findByLogin(String login);

  List<User> list();

  /** The account of a user (a new user is neither admin nor disabled). */
  Optional<Account> account(UserId id);

  /** Every account, by login. */
  List<Account> accounts();

  /** Writes the admin and disabled flags and the display name of an existing user. */
  void updateAccount(Account account);

  /** The stored hash of the user's password; empty when no password was ever set. */
  Optional<String> passwordHash(UserId id);

  void setPasswordHash(UserId id, String hash);

  /** The user an identity provider's subject was linked to at its first sign-in. */
  Optional<User> findByIdentity(String issuer, String subject);

  /** Links an identity provider's subject to a user, for good. */
  void linkIdentity(UserId user, String issuer, String subject);
}
