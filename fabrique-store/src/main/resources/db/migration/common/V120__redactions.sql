-- Pseudonymisation (V120-V139): redactions over the immutable plain texts, the key table of real
-- values and their pseudonyms, and the replacement policy of each category per inquiry.
--
-- Redactions hold positions, never text. Their source has no foreign key (like memo targets): a
-- deleted source can be restored by undo with its redactions; a purged source takes its redactions
-- with it. The key table is the only table holding real values; nothing refers to its rows.

CREATE TABLE redactions (
  id           BIGINT  PRIMARY KEY,
  inquiry_id   BIGINT  NOT NULL REFERENCES inquiries (id),
  source_id    BIGINT  NOT NULL,
  start_pos    INTEGER NOT NULL,
  end_pos      INTEGER NOT NULL,
  category     TEXT    NOT NULL,
  status       TEXT    NOT NULL,
  reason       TEXT    NOT NULL,
  confidence   INTEGER NOT NULL,
  decided_by   BIGINT  REFERENCES users (id),
  decided_at   TEXT,
  CONSTRAINT redactions_span_valid CHECK (start_pos >= 0 AND end_pos > start_pos)
);
CREATE INDEX redactions_by_source ON redactions (source_id, start_pos);
CREATE INDEX redactions_by_inquiry ON redactions (inquiry_id);

CREATE TABLE pseudonyms (
  id          BIGINT  PRIMARY KEY,
  inquiry_id  BIGINT  NOT NULL REFERENCES inquiries (id),
  category    TEXT    NOT NULL,
  value_key   TEXT    NOT NULL,
  real_value  TEXT    NOT NULL,
  pseudonym   TEXT    NOT NULL,
  ordinal     INTEGER NOT NULL,
  CONSTRAINT pseudonyms_value_unique UNIQUE (inquiry_id, category, value_key)
);

CREATE TABLE redaction_policies (
  inquiry_id       BIGINT NOT NULL REFERENCES inquiries (id),
  category         TEXT   NOT NULL,
  replacement_kind TEXT   NOT NULL,
  prefix           TEXT   NOT NULL,
  granularity      TEXT   NOT NULL,
  PRIMARY KEY (inquiry_id, category)
);
