package se.vardag;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** Captures everything logged (all levels, all loggers) while open: for tests that no secret or personal datum is logged. */
public final class LogCapture implements AutoCloseable {
  private final StringWriter out = new StringWriter();
  private final WriterAppender appender;
  private final LoggerContext ctx;

  public LogCapture() {
    ctx = (LoggerContext) LogManager.getContext(false);
    Configuration cfg = ctx.getConfiguration();
    appender = WriterAppender.newBuilder().setName("capture-" + System.nanoTime()).setTarget(out)
        .setLayout(PatternLayout.newBuilder().withPattern("%p %c: %m %throwable%n").build()).build();
    appender.start();
    cfg.getRootLogger().addAppender(appender, Level.ALL, null);
    for (LoggerConfig lc : cfg.getLoggers().values()) {
      if (lc != cfg.getRootLogger()) {
        lc.addAppender(appender, Level.ALL, null);
      }
    }
    ctx.updateLoggers();
  }

  public String text() {
    return out.toString();
  }

  @Override
  public void close() {
    Configuration cfg = ctx.getConfiguration();
    for (LoggerConfig lc : cfg.getLoggers().values()) {
      lc.removeAppender(appender.getName());
    }
    cfg.getRootLogger().removeAppender(appender.getName());
    ctx.updateLoggers();
    appender.stop();
  }
}
