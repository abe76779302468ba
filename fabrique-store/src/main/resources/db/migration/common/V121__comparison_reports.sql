-- Comparison reports of the explainable diff (issue 11): the report itself is a stored file named
-- by its SHA-256; this table says which inquiry and data object it was made for, so that it is
-- served only to the inquiry's members, under the redaction profile their role allows, and is not
-- taken for an orphan file. The data object has no foreign key: deleting it stays undoable.

CREATE TABLE comparison_reports (
  digest     TEXT   NOT NULL,
  inquiry_id BIGINT NOT NULL REFERENCES inquiries (id),
  element_id BIGINT NOT NULL,
  kept_at    TEXT   NOT NULL,
  CONSTRAINT comparison_reports_key PRIMARY KEY (digest, inquiry_id, element_id)
);
