-- Roles per inquiry (issue 10): one role per user and inquiry.
CREATE TABLE memberships (
  inquiry_id BIGINT NOT NULL REFERENCES inquiries (id),
  user_id    BIGINT NOT NULL REFERENCES users (id),
  role       TEXT   NOT NULL,
  CONSTRAINT memberships_pk PRIMARY KEY (inquiry_id, user_id),
  CONSTRAINT memberships_role CHECK (role IN ('viewer', 'coder', 'researcher', 'owner'))
);

CREATE INDEX memberships_user ON memberships (user_id);
