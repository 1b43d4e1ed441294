package org.roomgate.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that decides whether a failure means "the database is unavailable right now"
 * (answered 503 with Retry-After, and logged once per outage by scheduled jobs) rather than a
 * bug (500). It reads the SQLState wherever it sits in the cause chain, because Hibernate,
 * Narayana and Agroal each wrap the driver's exception differently.
 */
public final class DatabaseFailures {

    /**
     * SQLState classes and codes of a server that is down, restarting, overloaded or too slow:
     * 08 connection exception (also a socket timeout), 53 insufficient resources (e.g. too many
     * connections), 57P01/57P02 terminated by an administrator or a crash, 57P03 starting up or
     * in recovery, 57014 statement timeout, 55P03 lock timeout.
     */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53");
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57P04", "57014", "55P03");
    /**
     * Agroal says nothing but a message (and no SQLState) when no connection came in time:
     * "Sorry, acquisition timeout!" or "Acquisition timeout while waiting for new connection".
     */
    private static final String POOL_TIMEOUT = "acquisition timeout";

    private DatabaseFailures() {
    }

    /** Whether the failure, or any of its causes, says the database cannot serve now. */
    public static boolean isUnavailable(Throwable failure) {
        return reason(failure).isPresent();
    }

    /**
     * A short reason without personal data (a SQLState or an exception class name) when the
     * failure means the database is unavailable; empty otherwise.
     */
    public static Optional<String> reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (UNAVAILABLE_STATES.contains(state)
                        || (state.length() == 5 && UNAVAILABLE_CLASSES.contains(state.substring(0, 2))))) {
                    return Optional.of("SQLState " + state);
                }
                if (state == null && sql.getMessage() != null && sql.getMessage().toLowerCase(Locale.ROOT).contains(POOL_TIMEOUT)) {
                    return Optional.of("no pooled connection within the acquisition timeout");
                }
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return Optional.of(t.getClass().getSimpleName());
            }
        }
        return Optional.empty();
    }
}
