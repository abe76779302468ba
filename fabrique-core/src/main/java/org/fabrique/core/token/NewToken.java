package org.fabrique.core.token;

/**
 * A token just made, with its secret: the only time the secret is known. Say it once, to its owner.
 */
public record NewToken(ApiToken token, String secret) {
  @Override
  public String toString() {
    return "NewToken[" + token + "]";
  }
}
