-- The core schema of Fabrique, in SQL that SQLite and PostgreSQL both run unchanged.
--
-- Conventions (see docs/decisions/0003-storage-sqlite-postgresql.md):
-- * every id is a BIGINT allocated by the application from one id space (V2), never by the table;
-- * instants and dates are ISO-8601 text (exact to the nanosecond, identical on both databases);
-- * enumerations are stored by their stable ids ("field-note", "clinical-trial"…);
-- * positions in texts are Unicode code points, [start_pos, end_pos);
-- * dependents are deleted explicitly by the operations (no ON DELETE CASCADE), so that every
--   deletion can be undone from what the operation read before deleting.

CREATE TABLE inquiries (
  id          BIGINT PRIMARY KEY,
  name        TEXT   NOT NULL,
  description TEXT   NOT NULL,
  created_at  TEXT   NOT NULL
);

CREATE TABLE users (
  id           BIGINT PRIMARY KEY,
  login        TEXT   NOT NULL,
  display_name TEXT   NOT NULL,
  CONSTRAINT users_login_unique UNIQUE (login)
);

CREATE TABLE cases (
  id          BIGINT PRIMARY KEY,
  inquiry_id  BIGINT NOT NULL REFERENCES inquiries (id),
  name        TEXT   NOT NULL,
  domain      TEXT   NOT NULL,
  description TEXT   NOT NULL
);
CREATE INDEX cases_by_inquiry ON cases (inquiry_id);

CREATE TABLE sources (
  id                 BIGINT  PRIMARY KEY,
  inquiry_id         BIGINT  NOT NULL REFERENCES inquiries (id),
  title              TEXT    NOT NULL,
  kind               TEXT    NOT NULL,
  source_date        TEXT,
  language           TEXT    NOT NULL,
  case_id            BIGINT  REFERENCES cases (id),
  confidentiality    TEXT    NOT NULL,
  original_file_name TEXT    NOT NULL,
  media_type         TEXT    NOT NULL,
  original_digest    TEXT    NOT NULL,
  text_digest        TEXT    NOT NULL,
  text_length        INTEGER NOT NULL,
  imported_at        TEXT    NOT NULL,
  imported_by        BIGINT  NOT NULL REFERENCES users (id)
);
CREATE INDEX sources_by_inquiry ON sources (inquiry_id);
CREATE INDEX sources_by_case ON sources (case_id);

CREATE TABLE speaker_turns (
  source_id BIGINT  NOT NULL REFERENCES sources (id),
  ordinal   INTEGER NOT NULL,
  start_pos INTEGER NOT NULL,
  end_pos   INTEGER NOT NULL,
  speaker   TEXT    NOT NULL,
  timecode  TEXT,
  PRIMARY KEY (source_id, ordinal)
);

CREATE TABLE codes (
  id               BIGINT  PRIMARY KEY,
  inquiry_id       BIGINT  NOT NULL REFERENCES inquiries (id),
  parent_id        BIGINT  REFERENCES codes (id),
  name             TEXT    NOT NULL,
  colour           TEXT    NOT NULL,
  description      TEXT    NOT NULL,
  codable          BOOLEAN NOT NULL,
  sibling_position INTEGER NOT NULL
);
CREATE INDEX codes_by_inquiry ON codes (inquiry_id);
CREATE INDEX codes_by_parent ON codes (parent_id);

-- The unique span also serves as the index of segments by (source, start).
CREATE TABLE segments (
  id        BIGINT  PRIMARY KEY,
  source_id BIGINT  NOT NULL REFERENCES sources (id),
  start_pos INTEGER NOT NULL,
  end_pos   INTEGER NOT NULL,
  quote     TEXT    NOT NULL,
  CONSTRAINT segments_span_unique UNIQUE (source_id, start_pos, end_pos),
  CONSTRAINT segments_span_valid CHECK (start_pos >= 0 AND end_pos > start_pos)
);

-- The unique triple also serves as the index of codings by segment.
CREATE TABLE codings (
  id         BIGINT PRIMARY KEY,
  segment_id BIGINT NOT NULL REFERENCES segments (id),
  code_id    BIGINT NOT NULL REFERENCES codes (id),
  coder_id   BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT   NOT NULL,
  CONSTRAINT codings_unique UNIQUE (segment_id, code_id, coder_id)
);
CREATE INDEX codings_by_code ON codings (code_id);

-- A memo points at any item by kind and id, so its target has no foreign key.
CREATE TABLE memos (
  id          BIGINT PRIMARY KEY,
  inquiry_id  BIGINT NOT NULL REFERENCES inquiries (id),
  target_kind TEXT   NOT NULL,
  target_id   BIGINT NOT NULL,
  title       TEXT   NOT NULL,
  body        TEXT   NOT NULL,
  author_id   BIGINT NOT NULL REFERENCES users (id),
  created_at  TEXT   NOT NULL,
  updated_at  TEXT   NOT NULL
);
CREATE INDEX memos_by_target ON memos (target_kind, target_id);
CREATE INDEX memos_by_inquiry ON memos (inquiry_id);

CREATE TABLE attribute_definitions (
  id             BIGINT PRIMARY KEY,
  inquiry_id     BIGINT NOT NULL REFERENCES inquiries (id),
  name           TEXT   NOT NULL,
  attribute_type TEXT   NOT NULL,
  scope          TEXT   NOT NULL,
  description    TEXT   NOT NULL,
  CONSTRAINT attribute_definitions_name_unique UNIQUE (inquiry_id, scope, name)
);

-- The owner is a case or a source (by the attribute's scope), so it has no foreign key.
CREATE TABLE attribute_values (
  attribute_id    BIGINT NOT NULL REFERENCES attribute_definitions (id),
  owner_id        BIGINT NOT NULL,
  attribute_value TEXT   NOT NULL,
  PRIMARY KEY (attribute_id, owner_id)
);
CREATE INDEX attribute_values_by_owner ON attribute_values (owner_id);

-- The append-only history: operations and their inverses as JSON under a stable type id.
CREATE TABLE history (
  id             BIGINT PRIMARY KEY,
  inquiry_id     BIGINT NOT NULL REFERENCES inquiries (id),
  user_id        BIGINT NOT NULL REFERENCES users (id),
  recorded_at    TEXT   NOT NULL,
  kind           TEXT   NOT NULL,
  target_id      BIGINT REFERENCES history (id),
  status         TEXT   NOT NULL,
  operation_type TEXT   NOT NULL,
  operation_json TEXT   NOT NULL,
  inverse_type   TEXT   NOT NULL,
  inverse_json   TEXT   NOT NULL
);
CREATE INDEX history_by_user ON history (inquiry_id, user_id, status, id);
CREATE INDEX history_by_inquiry ON history (inquiry_id, id);
