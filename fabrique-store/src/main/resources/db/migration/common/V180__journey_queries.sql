-- Journey queries saved by name in an inquiry (issue 14). The parameters are the query's named
-- filters as JSON ({"kind": ["choice"], "dimension": ["regulation"]}), the form URLs and the
-- command line use too.

CREATE TABLE journey_queries (
  id         BIGINT PRIMARY KEY,
  inquiry_id BIGINT NOT NULL REFERENCES inquiries (id),
  name       TEXT   NOT NULL,
  parameters TEXT   NOT NULL,
  CONSTRAINT journey_queries_unique UNIQUE (inquiry_id, name)
);
