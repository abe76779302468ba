-- REFI-QDA exchange (V30-V39): sets of items, links between items, and the GUIDs items had in the
-- exchange files they were imported from. Members, link ends and GUID owners point at any item by
-- kind and id, like memo targets, so they have no foreign key.

CREATE TABLE item_sets (
  id          BIGINT PRIMARY KEY,
  inquiry_id  BIGINT NOT NULL REFERENCES inquiries (id),
  name        TEXT   NOT NULL,
  description TEXT   NOT NULL
);
CREATE INDEX item_sets_by_inquiry ON item_sets (inquiry_id);

CREATE TABLE item_set_members (
  set_id      BIGINT  NOT NULL REFERENCES item_sets (id),
  ordinal     INTEGER NOT NULL,
  member_kind TEXT    NOT NULL,
  member_id   BIGINT  NOT NULL,
  PRIMARY KEY (set_id, ordinal)
);
CREATE INDEX item_set_members_by_member ON item_set_members (member_kind, member_id);

CREATE TABLE links (
  id          BIGINT PRIMARY KEY,
  inquiry_id  BIGINT NOT NULL REFERENCES inquiries (id),
  origin_kind TEXT   NOT NULL,
  origin_id   BIGINT NOT NULL,
  target_kind TEXT   NOT NULL,
  target_id   BIGINT NOT NULL,
  name        TEXT   NOT NULL,
  direction   TEXT   NOT NULL,
  colour      TEXT
);
CREATE INDEX links_by_inquiry ON links (inquiry_id);
CREATE INDEX links_by_origin ON links (origin_kind, origin_id);
CREATE INDEX links_by_target ON links (target_kind, target_id);

-- One GUID per item and inquiry (a user, shared by inquiries, may have one in each).
CREATE TABLE item_guids (
  inquiry_id BIGINT NOT NULL REFERENCES inquiries (id),
  item_kind  TEXT   NOT NULL,
  item_id    BIGINT NOT NULL,
  guid       TEXT   NOT NULL,
  PRIMARY KEY (inquiry_id, item_kind, item_id)
);
