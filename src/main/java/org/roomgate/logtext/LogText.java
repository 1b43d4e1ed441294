package org.roomgate.logtext;

/**
 * Text from outside roomgate (a backend's message key, error code or answer) made safe for one
 * log line: printable ASCII stays, a backslash and everything else (line breaks, terminal escapes,
 * non-ASCII) is written as a Java escape, and the result is cut to a bounded length. A hostile
 * server can then neither forge a line nor flood the log, in plain or JSON format.
 */
public final class LogText {

    /** Longer text is cut: a backend's key or code is a few words. */
    public static final int MAX_LENGTH = 120;

    private LogText() {
    }

    public static String of(String untrusted) {
        if (untrusted == null) {
            return "null";
        }
        StringBuilder safe = new StringBuilder(Math.min(untrusted.length(), MAX_LENGTH) + 8);
        for (int i = 0; i < untrusted.length(); i++) {
            if (safe.length() >= MAX_LENGTH) {
                return safe.append("...(cut)").toString();
            }
            char c = untrusted.charAt(i);
            if (c == '\\') {
                safe.append("\\\\");
            } else if (c >= 0x20 && c < 0x7f) {
                safe.append(c);
            } else if (c == '\n') {
                safe.append("\\n");
            } else if (c == '\r') {
                safe.append("\\r");
            } else {
                safe.append(String.format("\\u%04x", (int) c));
            }
        }
        return safe.toString();
    }
}
