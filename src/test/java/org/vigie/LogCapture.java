package org.vigie;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects every log record of the service while it runs. */
public final class LogCapture extends Handler {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final Level previousLevel;

    private LogCapture() {
        previousLevel = Logger.getLogger("org.vigie").getLevel();
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        Logger.getLogger("org.vigie").setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    public void stop() {
        Logger.getLogger("").removeHandler(this);
        Logger.getLogger("org.vigie").setLevel(previousLevel);
    }

    public String text() {
        return String.join("\n", lines);
    }

    /** The records logged at ERROR, or with a stack trace. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(record.getLoggerName() + " " + record.getMessage());
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                line.append(' ').append(parameter);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
        if (record.getThrown() != null || record.getLevel().intValue() >= Level.SEVERE.intValue()) {
            errors.add(line.toString());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
