-- Personal API tokens: only the SHA-256 digest of each secret is kept (the secret is shown once).
CREATE TABLE api_tokens (
  id           BIGINT NOT NULL PRIMARY KEY,
  user_id      BIGINT NOT NULL REFERENCES users (id),
  digest       TEXT   NOT NULL,
  hint         TEXT   NOT NULL,
  created_at   TEXT   NOT NULL,
  expires_at   TEXT,
  revoked_at   TEXT,
  last_used_at TEXT,
  CONSTRAINT api_tokens_digest_unique UNIQUE (digest)
);
