package org.fabrique.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class LogLineTest {
  private final LoggerContext context = new LoggerContext();

  @Test
  void writesWhatThePatternItReplacesWrote() {
    PatternLayout pattern = new PatternLayout();
    pattern.setContext(context);
    pattern.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n");
    pattern.start();
    LogLine line = new LogLine();
    line.setContext(context);
    line.start();

    for (LoggingEvent event :
        new LoggingEvent[] {
          event("org.fabrique.store.JdbcStore", Level.WARN, "Storage failure", null),
          event("org.fabrique.app.cli.FabriqueCommand", Level.INFO, "Imported {} files", null),
          event(
              "org.eclipse.jetty.server.handler.ContextHandler",
              Level.ERROR,
              "Unexpected error",
              new IOException("disk full")),
          event("Main", Level.DEBUG, "short", null)
        }) {
      assertEquals(pattern.doLayout(event), line.doLayout(event));
    }
  }

  @Test
  void keepsTheStackOfAThrowable() {
    LogLine line = new LogLine();
    line.setContext(context);
    line.start();

    String written =
        line.doLayout(
            event("org.fabrique.Test", Level.ERROR, "Failed", new IllegalStateException("why")));

    assertTrue(
        written.matches(
            "(?s)\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR org\\.fabrique\\.Test - Failed\\R.*"),
        written);
    assertTrue(written.contains("java.lang.IllegalStateException: why"), written);
    assertTrue(written.contains("at org.fabrique.app.LogLineTest"), written);
  }

  private LoggingEvent event(String logger, Level level, String message, Throwable thrown) {
    LoggingEvent event =
        new LoggingEvent(
            "ch.qos.logback.classic.Logger",
            context.getLogger(logger),
            level,
            message,
            thrown,
            new Object[] {3});
    event.setTimeStamp(1_764_900_000_123L);
    return event;
  }
}
