package org.fabrique.web.auth;

import io.javalin.http.Context;
import java.util.Optional;
import org.fabrique.core.error.UnauthenticatedException;
import org.fabrique.core.token.TokenService;
import org.fabrique.core.user.Account;

/**
 * Personal API tokens ({@code Authorization: Bearer fab_…}) on the {@code /api} routes: the request
 * is made by the token's user, with that user's roles. A token that is unknown, expired or revoked,
 * or whose account is disabled, is refused (401) rather than ignored, so that a script learns its
 * token no longer works. Pages are not served on a token: they take a session.
 */
public final class BearerTokens implements Authenticator {
  /** The detail of the refusal of a token that does not work (any more). */
  public static final String REFUSED =
      "This API token does not work: it is unknown, expired or revoked, or its account is disabled";

  private final TokenService tokens;
  private final Gate gate;

  public BearerTokens(TokenService tokens, Gate gate) {
    this.tokens = tokens;
    this.gate = gate;
  }

  @Override
  public Optional<SignedIn> authenticate(Context ctx) {
    if (!ctx.path().startsWith("/api/")) {
      return Optional.empty();
    }
    Optional<String> presented =
        Gate.bearer(ctx).filter(token -> token.startsWith(TokenService.PREFIX));
    if (presented.isEmpty()) {
      return Optional.empty();
    }
    Account account =
        tokens
            .authenticate(presented.get(), Optional.of(gate.clientAddress(ctx)))
            .orElseThrow(() -> new UnauthenticatedException(REFUSED));
    return Optional.of(new SignedIn(account.user(), account.admin()));
  }
}
