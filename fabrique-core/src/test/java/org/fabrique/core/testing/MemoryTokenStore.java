package org.fabrique.core.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.fabrique.core.token.ApiToken;
import org.fabrique.core.token.TokenStore;
import org.fabrique.core.user.UserId;

/** Personal API tokens in memory, with the unique digest and the user reference of the table. */
final class MemoryTokenStore implements TokenStore {
  private final Table<Long, Map.Entry<String, ApiToken>> tokens;
  private final Predicate<UserId> userExists;

  MemoryTokenStore(Journal journal, Predicate<UserId> userExists) {
    this.tokens = new Table<>(journal);
    this.userExists = userExists;
  }

  @Override
  public void insert(ApiToken token, String digest) {
    if (!userExists.test(token.user())) {
      throw MemoryRules.brokenReference();
    }
    if (findByDigest(digest).isPresent()) {
      throw MemoryRules.duplicate();
    }
    tokens.insert(token.id(), Map.entry(digest, token));
  }

  @Override
  public Optional<ApiToken> findByDigest(String digest) {
    return tokens.values().stream()
        .filter(e -> e.getKey().equals(digest))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  @Override
  public Optional<ApiToken> find(long id) {
    return tokens.get(id).map(Map.Entry::getValue);
  }

  @Override
  public List<ApiToken> list() {
    return tokens.values().stream()
        .map(Map.Entry::getValue)
        .sorted(Comparator.comparingLong(ApiToken::id))
        .toList();
  }

  @Override
  public void revoke(long id, Instant at) {
    tokens
        .get(id)
        .filter(e -> e.getValue().revokedAt().isEmpty())
        .ifPresent(e -> change(e, withRevoked(e.getValue(), at)));
  }

  @Override
  public void used(long id, Instant at) {
    tokens.get(id).ifPresent(e -> change(e, withUsed(e.getValue(), at)));
  }

  private void change(Map.Entry<String, ApiToken> entry, ApiToken changed) {
    tokens.put(changed.id(), Map.entry(entry.getKey(), changed));
  }

  private static ApiToken withRevoked(ApiToken t, Instant at) {
    return new ApiToken(
        t.id(), t.user(), t.hint(), t.createdAt(), t.expiresAt(), Optional.of(at), t.lastUsedAt());
  }

  private static ApiToken withUsed(ApiToken t, Instant at) {
    return new ApiToken(
        t.id(), t.user(), t.hint(), t.createdAt(), t.expiresAt(), t.revokedAt(), Optional.of(at));
  }
}
