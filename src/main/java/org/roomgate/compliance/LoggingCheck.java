package org.roomgate.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roomgate.compliance.ComplianceDtos.RuleResult;

/**
 * R4, IP address and browser string never stored or logged: the HTTP access log (which would
 * hold both) is off in this process; PostgreSQL does not log statement parameters (display names,
 * subject ids) through any of its statement-logging settings; and no table has a column meant
 * for an IP address or a browser string. What the application itself logs is held by tests.
 */
@ApplicationScoped
class LoggingCheck implements RuleCheck {

    private static final List<String> LOG_SETTINGS = List.of("log_statement", "log_min_duration_statement",
            "log_transaction_sample_rate", "log_parameter_max_length", "log_parameter_max_length_on_error");

    record LoggingEvidence(boolean accessLogEnabled, Map<String, String> databaseLogSettings,
            boolean databaseLogsParameters, List<String> columnsForIpOrBrowser) {
    }

    private final Measurements db;
    private final boolean accessLog;

    LoggingCheck(Measurements db, @ConfigProperty(name = "quarkus.http.access-log.enabled", defaultValue = "false") boolean accessLog) {
        this.db = db;
        this.accessLog = accessLog;
    }

    @Override
    public List<RuleResult> check(String tenantId, Instant now) {
        Map<String, String> settings = db.list("SELECT name, setting FROM pg_settings WHERE name = ANY (?)",
                row -> Map.entry(row.getString(1), row.getString(2)), (Object) LOG_SETTINGS.toArray(String[]::new))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
        List<String> columns = db.list("""
                SELECT table_schema || '.' || table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema IN ('public', 'conference')
                  AND column_name ~* '(^|_)(ip|ip_address|client_ip|remote_addr|user_agent|useragent|browser)($|_)'
                ORDER BY 1""", row -> row.getString(1));
        boolean logsParameters = logsParameters(settings);
        return List.of(RuleResult.of("R4", !accessLog && !logsParameters && columns.isEmpty(),
                new LoggingEvidence(accessLog, settings, logsParameters, columns)));
    }

    /** Whether some statement-logging setting writes bound values into PostgreSQL's log. */
    static boolean logsParameters(Map<String, String> settings) {
        boolean statementsLogged = List.of("mod", "all").contains(settings.get("log_statement"))
                || Integer.parseInt(settings.getOrDefault("log_min_duration_statement", "-1")) >= 0
                || Double.parseDouble(settings.getOrDefault("log_transaction_sample_rate", "0")) > 0;
        boolean withValues = !"0".equals(settings.getOrDefault("log_parameter_max_length", "-1"));
        boolean onError = !"0".equals(settings.getOrDefault("log_parameter_max_length_on_error", "0"));
        return statementsLogged && withValues || onError;
    }
}
