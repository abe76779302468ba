package org.fabrique.core.user;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.error.NotFoundException;
import org.fabrique.core.store.Store;

/** Users and coders. In the local mode, one default user works alone. */
public final class UserService {
  /** The user of the local single-user mode. */
  public static final String DEFAULT_LOGIN = "researcher";

  private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

  private final Store store;

  public UserService(Store store) {
    this.store = store;
  }

  /** The user with this login, created when missing. */
  public User ensure(String login, String displayName) {
    String normalized = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
    if (!LOGIN.matcher(normalized).matches()) {
      throw new InvalidInputException(
          "A login has 1 to 40 lower-case letters, digits, dots, dashes or underscores");
    }
    return store.inTransaction(
        tx ->
            tx.users()
                .findByLogin(normalized)
                .orElseGet(
                    () -> {
                      User user =
                          new User(
                              new UserId(tx.newId()),
                              normalized,
                              displayName == null || displayName.isBlank()
                                  ? normalized
                                  : displayName.trim());
                      tx.users().insert(user);
                      return user;
                    }));
  }

  public User defaultUser() {
    return ensure(DEFAULT_LOGIN, "Researcher");
  }

  public User get(UserId id) {
    return store.inTransaction(
        tx -> tx.users().find(id).orElseThrow(() -> new NotFoundException("No user " + id)));
  }

  public List<User> list() {
    return store.inTransaction(tx -> tx.users().list());
  }
}
