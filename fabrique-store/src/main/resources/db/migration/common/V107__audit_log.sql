-- The audit log (decision 0009): who signed in, used a token, changed members, exported, downloaded,
-- deleted or purged what. Append-only: triggers of each database refuse updates and deletes. No
-- foreign keys: an entry outlives the inquiry and the account it names. Never field material.
CREATE TABLE audit_log (
  id         BIGINT NOT NULL PRIMARY KEY,
  at         TEXT   NOT NULL,
  action     TEXT   NOT NULL,
  actor      TEXT,
  inquiry_id BIGINT,
  target     TEXT   NOT NULL,
  profile    TEXT,
  address    TEXT,
  detail     TEXT   NOT NULL
);
CREATE INDEX audit_log_by_inquiry ON audit_log (inquiry_id, at);
CREATE INDEX audit_log_by_time ON audit_log (at);
