-- What the exchange files an inquiry was imported from said that Fabrique holds nowhere else
-- (a code without a colour, the origin and dates of the project), so that exports say it again.
CREATE TABLE received_facts (
  inquiry_id BIGINT NOT NULL REFERENCES inquiries (id),
  item_kind  TEXT   NOT NULL,
  item_id    BIGINT NOT NULL,
  name       TEXT   NOT NULL,
  value      TEXT   NOT NULL,
  PRIMARY KEY (inquiry_id, item_kind, item_id, name)
);
