-- The one id space of Fabrique on PostgreSQL: a sequence, which never blocks concurrent
-- transactions (a counter row would be locked by each writer until it commits).
-- Keep equivalent to db/migration/sqlite/V2__id_allocator.sql.
CREATE SEQUENCE fabrique_ids START WITH 1 INCREMENT BY 1;
