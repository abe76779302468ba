package org.fabrique.web.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the server knows who is asking (decision 0008).
 *
 * <ul>
 *   <li>{@link SingleUser}: one researcher on their own machine; every request is the local owner
 *       user, and, unless turned off, must carry the access token the server printed at start.
 *   <li>{@link Accounts}: a team server; users sign in with a login and a password and get a
 *       session.
 *   <li>{@link Proxy}: a team server behind a reverse proxy that authenticates users.
 * </ul>
 */
public sealed interface Authentication {

  /** Single-user mode with an access token every request must present. */
  static Authentication token(String accessToken) {
    return new SingleUser(Optional.of(accessToken));
  }

  /** Single-user mode without a token (the user opted out, or tests on loopback). */
  static Authentication open() {
    return new SingleUser(Optional.empty());
  }

  /** Accounts with passwords and sessions. */
  static Authentication accounts() {
    return new Accounts();
  }

  /** Users named by a header that only these proxy addresses are believed to set. */
  static Authentication proxy(String header, Set<String> trustedProxies) {
    return new Proxy(header, trustedProxies);
  }

  /** One local owner; the access token, when present, is required on every request. */
  record SingleUser(Optional<String> accessToken) implements Authentication {
    public SingleUser {
      Objects.requireNonNull(accessToken, "accessToken");
    }

    @Override
    public String toString() {
      return accessToken.isPresent() ? "SingleUser[token]" : "SingleUser[open]";
    }
  }

  /** Sign-in with a login and a password ({@code --auth local}). */
  record Accounts() implements Authentication {}

  /**
   * Behind a reverse proxy that authenticates (Shibboleth, Apache, nginx): the login is read from
   * {@code header}, on requests from {@code trustedProxies} only ({@code --auth proxy}). A user
   * seen for the first time gets an account without a password.
   */
  record Proxy(String header, Set<String> trustedProxies) implements Authentication {
    public Proxy {
      Objects.requireNonNull(header, "header");
      trustedProxies = Set.copyOf(trustedProxies);
      if (header.isBlank() || trustedProxies.isEmpty()) {
        throw new IllegalArgumentException(
            "A proxy header and at least one trusted proxy are needed");
      }
    }
  }
}
