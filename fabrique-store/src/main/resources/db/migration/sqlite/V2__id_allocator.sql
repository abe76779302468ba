-- The one id space of Fabrique on SQLite: a single counter row. SQLite has one writer at a time,
-- so a transaction that advances the counter holds it alone until it commits.
-- Keep equivalent to db/migration/postgresql/V2__id_allocator.sql.
CREATE TABLE id_allocator (
  next_id BIGINT NOT NULL
);
INSERT INTO id_allocator (next_id) VALUES (1);
