package org.fabrique.web.auth;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * One way a request proves who makes it (a session cookie, an access token, a bearer token). The
 * {@link Gate} asks each in turn; the first that recognises the request wins.
 */
@FunctionalInterface
public interface Authenticator {
  /** Who the request is made by, or empty when it carries none of this authenticator's proofs. */
  Optional<SignedIn> authenticate(Context ctx);
}
