package org.fabrique.core.user;

import java.util.List;
import java.util.Optional;

/** Where users are kept. */
public interface UserStore {
  void insert(User user);

  Optional<User> find(UserId id);

  Optional<User> findByLogin(String login);

  List<User> list();
}
