package org.fabrique.app;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line of the log: {@code 14:03:07.512 WARN o.f.store.JdbcStore - message}, then the stack of a
 * throwable, as the pattern {@code %d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n} wrote it.
 * Written by hand because Logback's pattern layout registers about a hundred converters and parses
 * its pattern in every command, even one that logs nothing; this one costs nothing until a line is
 * written.
 */
final class LogLine extends LayoutBase<ILoggingEvent> {
  private static final int LOGGER_LENGTH = 24;
  private static final int LEVEL_WIDTH = 5;

  /** Made on the first line: the time zone's rules load then, not at start. */
  private static final class Format {
    static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());
    static final TargetLengthBasedClassNameAbbreviator LOGGER =
        new TargetLengthBasedClassNameAbbreviator(LOGGER_LENGTH);
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(128);
    Format.TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
    line.append(' ');
    String level = event.getLevel().toString();
    line.append(level);
    for (int pad = level.length(); pad < LEVEL_WIDTH; pad++) {
      line.append(' ');
    }
    line.append(' ')
        .append(Format.LOGGER.abbreviate(event.getLoggerName()))
        .append(" - ")
        .append(event.getFormattedMessage())
        .append(CoreConstants.LINE_SEPARATOR);
    if (event.getThrowableProxy() != null) {
      line.append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }
    return line.toString();
  }
}
