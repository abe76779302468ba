package org.fabrique.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.List;
import org.fabrique.core.audit.AuditAction;
import org.fabrique.core.audit.AuditEntry;
import org.fabrique.core.audit.AuditEvent;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.audit.AuditQuery;
import org.jdbi.v3.core.JdbiException;

/** The check that a database itself refuses to change or delete audit entries, whoever asks. */
final class AppendOnly {
  private AppendOnly() {}

  static void check(StoreTestCase test) {
    AuditLog log = new AuditLog(test.store, Clock.systemUTC());
    log.record(AuditEvent.of(AuditAction.EXPORT).about("codings.csv").profile("public"));
    List<AuditEntry> before = log.list(AuditQuery.recent(5));
    for (String sql :
        List.of(
            "UPDATE audit_log SET profile = 'internal'",
            "DELETE FROM audit_log",
            "DELETE FROM audit_log WHERE id = " + before.get(0).id())) {
      assertThrows(
          JdbiException.class, () -> test.jdbc().jdbi().useHandle(h -> h.execute(sql)), sql);
    }
    assertEquals(before, log.list(AuditQuery.recent(5)));
  }
}
