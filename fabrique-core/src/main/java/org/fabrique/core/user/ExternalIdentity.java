package org.fabrique.core.user;

import java.util.Objects;
import java.util.Optional;

/**
 * Who an identity provider says signed in (OpenID Connect): the provider ({@code iss}) and its
 * stable, never reassigned subject ({@code sub}) name the person; the other claims only suggest a
 * login and a display name for the account made at the first sign-in.
 *
 * @param issuer the provider's issuer identifier
 * @param subject the provider's identifier of the person
 * @param preferredUsername the {@code preferred_username} claim, if any
 * @param email the {@code email} claim, if any
 * @param name the {@code name} claim, if any
 */
public record ExternalIdentity(
    String issuer,
    String subject,
    Optional<String> preferredUsername,
    Optional<String> email,
    Optional<String> name) {

  /** The longest issuer or subject kept (the OpenID Connect subject is at most 255 ASCII). */
  public static final int MAX_LENGTH = 1000;

  public ExternalIdentity {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(preferredUsername, "preferredUsername");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
    if (issuer.isBlank() || subject.isBlank()) {
      throw new IllegalArgumentException("An identity has an issuer and a subject");
    }
    if (issuer.length() > MAX_LENGTH || subject.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("An issuer or a subject is too long");
    }
  }

  @Override
  public String toString() {
    // The claims may carry a real name or an address: never in logs.
    return "ExternalIdentity[issuer=" + issuer + "]";
  }
}
