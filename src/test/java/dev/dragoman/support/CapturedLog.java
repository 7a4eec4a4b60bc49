package dev.dragoman.support;

import java.io.StringWriter;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.StringLayout;

/**
 * Everything the application logs while it is open, with stack traces, laid out as the shipped console appender lays
 * it out, for tests that assert what logs show.
 */
public final class CapturedLog implements AutoCloseable {

    private final StringWriter writer = new StringWriter();
    private final WriterAppender appender;
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);

    public CapturedLog() {
        appender = WriterAppender.createAppender(
                (StringLayout) context.getConfiguration().getAppender("console").getLayout(),
                null, writer, "captured-" + System.nanoTime(), false, true);
        appender.start();
        context.getConfiguration().getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
    }

    public String text() {
        synchronized (writer) {
            return writer.toString();
        }
    }

    @Override
    public void close() {
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}
