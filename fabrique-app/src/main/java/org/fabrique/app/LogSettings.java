package org.fabrique.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * How Fabrique logs: to standard error, warnings and errors of the libraries, information of
 * Fabrique itself. Logs never carry field material or real names: messages name ids, counts and
 * files. Written in code rather than in a {@code logback.xml}, whose reading loads an XML parser
 * and a few hundred classes into every command, and each line laid out by {@link LogLine} rather
 * than a pattern; a file named by {@code -Dlogback.configurationFile} still replaces it.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSettings extends ContextAwareBase implements Configurator {
  private static final Map<String, Level> LEVELS =
      Map.of(
          "org.fabrique", Level.INFO,
          "org.flywaydb", Level.WARN,
          "com.zaxxer.hikari", Level.WARN,
          "org.eclipse.jetty", Level.WARN,
          "io.javalin", Level.WARN,
          "org.apache.tika", Level.ERROR,
          "org.apache.pdfbox", Level.ERROR,
          "org.apache.poi", Level.ERROR);

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    LogLine layout = new LogLine();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> standardError = new ConsoleAppender<>();
    standardError.setContext(context);
    standardError.setName("STDERR");
    standardError.setTarget("System.err");
    standardError.setEncoder(encoder);
    standardError.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(standardError);
    LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
