-- Accounts (issue 10): site admins, disabled accounts, password hashes (Argon2id, self-describing),
-- and the sessions of signed-in users, kept by the SHA-256 of their token.
ALTER TABLE users ADD COLUMN is_admin BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN password_hash TEXT;

CREATE TABLE sessions (
  id           TEXT   PRIMARY KEY,
  user_id      BIGINT NOT NULL REFERENCES users (id),
  created_at   TEXT   NOT NULL,
  last_seen_at TEXT   NOT NULL
);

CREATE INDEX sessions_user ON sessions (user_id);
