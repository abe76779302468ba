-- The speaker pattern of an inquiry: how its transcripts name their speakers when no built-in
-- layout does (a regular expression with a group named speaker).
CREATE TABLE speaker_patterns (
  inquiry_id BIGINT NOT NULL PRIMARY KEY REFERENCES inquiries (id),
  pattern    TEXT   NOT NULL
);
