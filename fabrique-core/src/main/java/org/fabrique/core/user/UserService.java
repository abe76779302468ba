package org.fabrique.core.user;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.fabrique.core.error.ConflictException;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.store.Store;

/**
 * Users and their accounts. In the local mode, one default user works alone; on a team server each
 * user has a login and a password (hashed by the {@link PasswordHasher}, never kept or logged in
 * clear).
 */
public final class UserService {
  /** The user of the local single-user mode. */
  public static final String DEFAULT_LOGIN = "researcher";

  /** The shortest password accepted. */
  public static final int MIN_PASSWORD_LENGTH = 10;

  private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");

  /** Logins made from a provider's claims leave room for a suffix within the 100 characters. */
  private static final int MAX_DERIVED_LOGIN = 90;

  private static final int MAX_DISPLAY_NAME = 200;

  private final Store store;
  private final PasswordHasher passwords;
  private volatile String decoy;

  public UserService(Store store) {
    this(store, PasswordHasher.unavailable());
  }

  public UserService(Store store, PasswordHasher passwords) {
    this.store = store;
    this.passwords = passwords;
  }

  /** The user with this login, created when missing. */
  public User ensure(String login, String displayName) {
    String normalized = normalize(login);
    return store.inTransaction(
        tx ->
            tx.users()
                .findByLogin(normalized)
                .orElseGet(
                    () -> {
                      User user =
                          new User(
                              new UserId(tx.newId()), normalized, name(displayName, normalized));
                      tx.users().insert(user);
                      return user;
                    }));
  }

  /**
   * Creates an account with a password.
   *
   * @throws ConflictException when the login is taken
   */
  public User add(String login, String displayName, String password) {
    String normalized = normalize(login);
    checkPassword(password);
    String hash = passwords.hash(password);
    return store.inTransaction(
        tx -> {
          if (tx.users().findByLogin(normalized).isPresent()) {
            throw new ConflictException("There is already a user " + normalized);
          }
          User user = new User(new UserId(tx.newId()), normalized, name(displayName, normalized));
          tx.users().insert(user);
          tx.users().setPasswordHash(user.id(), hash);
          return user;
        });
  }

  /** Makes a user a site admin (every inquiry, every member). */
  public Account makeAdmin(String login) {
    return update(login, Account::withAdmin);
  }

  /** Disables an account: no more sign-in, and its sessions end. */
  public Account disable(String login) {
    return store.inTransaction(
        tx -> {
          Account account = update(login, Account::withDisabled);
          tx.sessions().deleteOfUser(account.user().id());
          return account;
        });
  }

  /** Enables a disabled account again. */
  public Account enable(String login) {
    return update(login, Account::withEnabled);
  }

  /** Sets a new password; the user's sessions end. */
  public void setPassword(String login, String password) {
    checkPassword(password);
    String hash = passwords.hash(password);
    store.inTransaction(
        tx -> {
          User user = byLogin(tx.users(), login);
          tx.users().setPasswordHash(user.id(), hash);
          tx.sessions().deleteOfUser(user.id());
          return null;
        });
  }

  /**
   * The user whose login and password these are, if the account is enabled. The time taken does not
   * tell whether the login exists.
   */
  public Optional<User> authenticate(String login, String password) {
    if (login == null || password == null || password.length() > 1000) {
      return Optional.empty();
    }
    String normalized = login.trim().toLowerCase(Locale.ROOT);
    Optional<Account> account =
        store.inTransaction(
            tx -> tx.users().findByLogin(normalized).flatMap(u -> tx.users().account(u.id())));
    Optional<String> hash =
        account.flatMap(a -> store.inTransaction(tx -> tx.users().passwordHash(a.user().id())));
    if (hash.isEmpty()) {
      passwords.verify(password, decoyHash());
      return Optional.empty();
    }
    if (!passwords.verify(password, hash.get()) || account.get().disabled()) {
      return Optional.empty();
    }
    return Optional.of(account.get().user());
  }

  /**
   * The account of the person an identity provider signed in (OpenID Connect): found by the
   * provider and its subject, or made at their first sign-in, with a login taken from the {@code
   * preferred_username} or {@code email} claim and the {@code name} claim as display name. A new
   * login never reuses an existing one (a suffix is added): a provider's claims never take over an
   * account made otherwise. The caller refuses disabled accounts.
   */
  public Account signInWith(ExternalIdentity identity) {
    try {
      return store.inTransaction(tx -> signInWith(tx.users(), identity, tx::newId));
    } catch (ConflictException e) {
      // Two first sign-ins of the same person at once: the other one made the account.
      return store.inTransaction(
          tx ->
              tx.users()
                  .findByIdentity(identity.issuer(), identity.subject())
                  .flatMap(u -> tx.users().account(u.id()))
                  .orElseThrow(() -> e));
    }
  }

  private static Account signInWith(
      UserStore users, ExternalIdentity identity, java.util.function.LongSupplier newId) {
    User user =
        users
            .findByIdentity(identity.issuer(), identity.subject())
            .orElseGet(
                () -> {
                  String login = freeLogin(users, loginOf(identity));
                  String displayName =
                      identity
                          .name()
                          .map(String::strip)
                          .filter(n -> !n.isEmpty())
                          .map(
                              n ->
                                  n.length() > MAX_DISPLAY_NAME
                                      ? n.substring(0, MAX_DISPLAY_NAME)
                                      : n)
                          .orElse(login);
                  User made = new User(new UserId(newId.getAsLong()), login, displayName);
                  users.insert(made);
                  users.linkIdentity(made.id(), identity.issuer(), identity.subject());
                  return made;
                });
    return users
        .account(user.id())
        .orElseThrow(() -> new NotFoundException("No user " + user.id()));
  }

  /** A login from the claims: lower-case, without accents, only the characters logins may hold. */
  static String loginOf(ExternalIdentity identity) {
    for (Optional<String> claim : List.of(identity.preferredUsername(), identity.email())) {
      if (claim.isPresent()) {
        String login = asLogin(claim.get());
        if (!login.isEmpty()) {
          return login;
        }
      }
    }
    return "user";
  }

  private static String asLogin(String claim) {
    String plain =
        java.text.Normalizer.normalize(claim, java.text.Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9._@-]+", "-")
            .replaceAll("^[^a-z0-9]+", "");
    return plain.length() > MAX_DERIVED_LOGIN ? plain.substring(0, MAX_DERIVED_LOGIN) : plain;
  }

  /** The login itself when free, else the first of login-2, login-3… that is. */
  private static String freeLogin(UserStore users, String login) {
    if (users.findByLogin(login).isEmpty()) {
      return login;
    }
    for (int n = 2; ; n++) {
      String candidate = login + "-" + n;
      if (users.findByLogin(candidate).isEmpty()) {
        return candidate;
      }
    }
  }

  /** A hash checked when there is none, so that an unknown login takes as long as a known one. */
  private String decoyHash() {
    String known = decoy;
    if (known == null) {
      known = passwords.hash("a decoy that is nobody's password");
      decoy = known;
    }
    return known;
  }

  public User defaultUser() {
    return ensure(DEFAULT_LOGIN, "Researcher");
  }

  public User get(UserId id) {
    return store.inTransaction(
        tx -> tx.users().find(id).orElseThrow(() -> new NotFoundException("No user " + id)));
  }

  /** The account of a user. */
  public Account account(UserId id) {
    return store.inTransaction(
        tx -> tx.users().account(id).orElseThrow(() -> new NotFoundException("No user " + id)));
  }

  /** The user with this login. */
  public User byLogin(String login) {
    return store.inTransaction(tx -> byLogin(tx.users(), login));
  }

  public List<User> list() {
    return store.inTransaction(tx -> tx.users().list());
  }

  public List<Account> accounts() {
    return store.inTransaction(tx -> tx.users().accounts());
  }

  private Account update(String login, java.util.function.UnaryOperator<Account> change) {
    return store.inTransaction(
        tx -> {
          User user = byLogin(tx.users(), login);
          Account account =
              change.apply(
                  tx.users()
                      .account(user.id())
                      .orElseThrow(() -> new NotFoundException("No user " + login)));
          tx.users().updateAccount(account);
          return account;
        });
  }

  private static User byLogin(UserStore users, String login) {
    String normalized = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
    return users
        .findByLogin(normalized)
        .orElseThrow(() -> new NotFoundException("There is no user " + normalized));
  }

  private static String normalize(String login) {
    String normalized = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
    if (!LOGIN.matcher(normalized).matches()) {
      throw new InvalidInputException(
          "A login has 1 to 100 lower-case letters, digits, dots, dashes, underscores or @");
    }
    return normalized;
  }

  private static String name(String displayName, String login) {
    return displayName == null || displayName.isBlank() ? login : displayName.trim();
  }

  private static void checkPassword(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
      throw new InvalidInputException(
          "A password has at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (password.length() > 1000) {
      throw new InvalidInputException("A password has at most 1000 characters");
    }
  }
}
