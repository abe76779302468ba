package org.fabrique.core.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where personal API tokens are kept, by the digest of their secret. */
public interface TokenStore {
  void insert(ApiToken token, String digest);

  /** The token whose secret has this digest. */
  Optional<ApiToken> findByDigest(String digest);

  Optional<ApiToken> find(long id);

  /** Every token, in the order they were made. */
  List<ApiToken> list();

  void revoke(long id, Instant at);

  void used(long id, Instant at);
}
