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
