package org.fabrique.web.auth;

import java.net.URI;
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
 *   <li>{@link Oidc}: a team server whose users sign in with their institution's OpenID Connect
 *       provider.
 * </ul>
 */
public sealed interface Authentication {

  /** Whether users sign in on the sign-in page (and may sign out). */
  default boolean signInPage() {
    return this instanceof Accounts || this instanceof Oidc;
  }

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

  /** Sign-in with an institution's OpenID Connect provider ({@code --auth oidc}). */
  static Authentication oidc(
      URI issuer, String clientId, Optional<String> clientSecret, URI redirectUri) {
    return new Oidc(issuer, clientId, clientSecret, redirectUri);
  }

  /**
   * Sign-in with OpenID Connect (decision 0008): the provider is found from its issuer (discovery),
   * users sign in there (authorization code flow with PKCE) and come back to {@code redirectUri}.
   *
   * @param issuer the provider's issuer identifier
   * @param clientId the client id Fabrique was registered under
   * @param clientSecret the client secret, when the provider gave one (else a public client)
   * @param redirectUri where the provider sends users back ({@code /sign-in/oidc/callback} of the
   *     public address)
   */
  record Oidc(URI issuer, String clientId, Optional<String> clientSecret, URI redirectUri)
      implements Authentication {
    public Oidc {
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      Objects.requireNonNull(redirectUri, "redirectUri");
      if (clientId.isBlank()) {
        throw new IllegalArgumentException("A client id is needed");
      }
    }

    @Override
    public String toString() {
      // Never the secret.
      return "Oidc[issuer=" + issuer + ", clientId=" + clientId + "]";
    }
  }
}
