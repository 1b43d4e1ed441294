package org.roomgate.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/** Everything the service logs while it is started, with each record's MDC as it was then. */
public final class LogCapture extends Handler {

    private final ConcurrentLinkedQueue<ExtLogRecord> records = new ConcurrentLinkedQueue<>();

    public void start() {
        setLevel(Level.ALL);
        Logger.getLogger("").addHandler(this);
    }

    public void stop() {
        Logger.getLogger("").removeHandler(this);
    }

    public List<ExtLogRecord> records() {
        return List.copyOf(records);
    }

    /** Each record as logger name, message and stack trace: all text a log line could show. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (ExtLogRecord record : records) {
            StringWriter line = new StringWriter().append(record.getLoggerName()).append(' ')
                    .append(String.valueOf(record.getFormattedMessage()));
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(line));
            }
            text.append(line).append('\n');
        }
        return text.toString();
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            ext.copyMdc();
            records.add(ext);
        } else {
            records.add(new ExtLogRecord(record.getLevel(), record.getMessage(), ExtLogRecord.FormatStyle.NO_FORMAT,
                    LogCapture.class.getName()));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
