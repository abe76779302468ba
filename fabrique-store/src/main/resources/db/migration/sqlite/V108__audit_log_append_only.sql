-- The audit log is append-only: SQLite refuses to change or delete its entries.
-- Keep equivalent to db/migration/postgresql/V108__audit_log_append_only.sql.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
