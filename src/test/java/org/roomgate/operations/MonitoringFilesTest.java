package org.roomgate.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomgate.support.Api.asOps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.roomgate.backend.bbb.BbbStandIn;
import org.roomgate.support.Api;
import org.roomgate.support.Scrape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * No Docker engine runs here, so the monitoring files are kept correct by reading them as their
 * tools would: every metric (and every label it is filtered or grouped by) that the alerts, their
 * unit tests and the dashboard query must exist in this running service's /q/metrics, and the
 * compose file must wire the files where Prometheus and Grafana look for them.
 */
@QuarkusTest
class MonitoringFilesTest {

    private static final Path DOCKER = Path.of("docker");
    private static final String BBB_SECRET = "5c0d1f3e-monitoring-files-test";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Labels that Prometheus adds to every scraped series. */
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance");
    /** Series that Prometheus makes itself, not the service. */
    private static final Set<String> SYNTHETIC = Set.of("up");

    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{([^}]*)})?(\\s*\\[[^]]*])?");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "offset", "bool", "inf", "nan");

    @Test
    void shouldQueryOnlyMetricsAndLabelsThatTheServiceExposes() throws IOException {
        List<String> queries = new ArrayList<>();
        List<String> scenarios = new ArrayList<>();
        for (JsonNode group : YAML.readTree(DOCKER.resolve("prometheus/alerts.yml").toFile()).get("groups")) {
            group.get("rules").forEach(rule -> queries.add(rule.get("expr").asText()));
        }
        dashboard().findValues("expr").forEach(expr -> queries.add(expr.asText()));
        for (JsonNode test : YAML.readTree(DOCKER.resolve("prometheus/alerts.test.yml").toFile()).get("tests")) {
            test.get("input_series").forEach(series -> scenarios.add(series.get("series").asText()));
        }
        assertTrue(queries.size() > 15 && scenarios.size() > 15, "alerts, dashboard and alert tests were read");

        Scrape scrape = scrapeAfterBackendWork();
        Set<String> checked = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (String query : queries) {
            checked.addAll(checkQuery(query, scrape, true, missing));
        }
        // The alert tests' input series are made-up situations: their metrics and label names must
        // be real, their label values may be ones this service has not produced yet (a failing backend).
        for (String series : scenarios) {
            checked.addAll(checkQuery(series, scrape, false, missing));
        }
        assertEquals(List.of(), missing, "queried but not in /q/metrics");
        assertTrue(checked.containsAll(Set.of("roomgate_joins_total", "roomgate_rooms_open", "roomgate_participants",
                "roomgate_wipes_pending", "roomgate_wipe_lag_seconds_bucket", "roomgate_metadata_oldest_age_seconds",
                "roomgate_purged_total", "roomgate_backend_calls_total", "roomgate_backend_pending")),
                "every metric of API.md is monitored: " + checked);
    }

    @Test
    void shouldWireRulesAndDashboardsWhereTheToolsLookForThem() throws IOException {
        JsonNode compose = YAML.readTree(DOCKER.resolve("compose.yml").toFile()).get("services");
        assertEquals(Set.of("postgres", "roomgate", "prometheus", "grafana"), fieldNames(compose));

        JsonNode prometheus = YAML.readTree(DOCKER.resolve("prometheus/prometheus.yml").toFile());
        Map<String, String> prometheusMounts = mounts(compose.get("prometheus"));
        for (JsonNode ruleFile : prometheus.get("rule_files")) {
            assertTrue(prometheusMounts.containsKey(ruleFile.asText()), "rule file mounted: " + ruleFile);
            assertTrue(Files.isRegularFile(DOCKER.resolve(prometheusMounts.get(ruleFile.asText()))));
        }
        assertTrue(prometheusMounts.containsKey("/etc/prometheus/prometheus.yml"));
        JsonNode scrape = prometheus.get("scrape_configs").get(0);
        assertEquals("/q/metrics", scrape.get("metrics_path").asText());
        assertEquals("roomgate:8080", scrape.get("static_configs").get(0).get("targets").get(0).asText(),
                "the compose service and its port");
        assertTrue(compose.get("roomgate").get("ports").get(0).asText().endsWith(":8080"));

        Map<String, String> grafanaMounts = mounts(compose.get("grafana"));
        JsonNode provider = YAML.readTree(DOCKER.resolve("grafana/provisioning/dashboards/roomgate.yml").toFile())
                .get("providers").get(0);
        String dashboardsIn = provider.get("options").get("path").asText();
        assertEquals("./grafana/dashboards", grafanaMounts.get(dashboardsIn));
        assertEquals("./grafana/provisioning", grafanaMounts.get("/etc/grafana/provisioning"));

        Set<String> datasources = new TreeSet<>();
        YAML.readTree(DOCKER.resolve("grafana/provisioning/datasources/roomgate.yml").toFile()).get("datasources")
                .forEach(ds -> datasources.add(ds.get("uid").asText()));
        Set<String> used = new TreeSet<>();
        dashboard().findValues("datasource").forEach(ds -> used.add(ds.get("uid").asText()));
        assertEquals(datasources, used, "the dashboard uses exactly the provisioned data sources");
        assertTrue(compose.get("grafana").get("environment").get("GF_INSTALL_PLUGINS").asText()
                .contains("yesoreyeram-infinity-datasource"));
    }

    @Test
    void shouldReadTheComplianceTableFromFieldsTheEndpointReturns() throws IOException {
        String tenant = Api.newTenant();
        JsonPath report = asOps().queryParam("tenant", tenant).get("/api/v1/compliance").then().statusCode(200)
                .extract().jsonPath();
        List<JsonNode> apiTargets = new ArrayList<>();
        dashboard().get("panels").forEach(panel -> panel.path("targets").forEach(target -> {
            if (target.has("url")) {
                apiTargets.add(target);
            }
        }));
        assertFalse(apiTargets.isEmpty());
        for (JsonNode target : apiTargets) {
            assertTrue(target.get("url").asText().startsWith("/api/v1/compliance?tenant="), target.toString());
            String root = target.get("root_selector").asText();
            List<Map<String, Object>> rows = report.getList(root);
            assertEquals(11, rows.size());
            target.get("columns").forEach(column -> assertTrue(rows.get(0).containsKey(column.get("selector").asText()),
                    "column " + column + " is a field of " + rows.get(0)));
        }
    }

    /** Checks one query's metric names and labels against the scrape; returns the names. */
    private static Set<String> checkQuery(String query, Scrape scrape, boolean values, List<String> missing) {
        Set<String> names = new TreeSet<>();
        String withoutStrings = query.replaceAll("\"[^\"]*\"", "\"\"");
        Set<String> grouping = new TreeSet<>();
        Matcher g = GROUPING.matcher(withoutStrings);
        while (g.find()) {
            for (String label : g.group(1).split(",")) {
                if (!label.isBlank()) {
                    grouping.add(label.strip());
                }
            }
        }
        String scan = GROUPING.matcher(query).replaceAll(" ");
        Matcher m = SELECTOR.matcher(scan);
        while (m.find()) {
            String name = m.group(1);
            int after = m.end(1);
            boolean function = m.group(2) == null && m.group(4) == null && after < scan.length()
                    && scan.substring(after).stripLeading().startsWith("(");
            boolean insideBraces = scan.lastIndexOf('{', m.start()) > scan.lastIndexOf('}', m.start());
            if (function || insideBraces || PROMQL_WORDS.contains(name) || name.matches("\\d.*") || isDuration(scan, m.start())) {
                continue;
            }
            names.add(name);
            if (SYNTHETIC.contains(name)) {
                continue;
            }
            List<Scrape.Sample> series = scrape.series(name);
            if (series.isEmpty()) {
                missing.add(name + " (in: " + query + ")");
                continue;
            }
            Set<String> labels = new TreeSet<>();
            if (m.group(3) != null) {
                Matcher l = MATCHER.matcher(m.group(3));
                while (l.find()) {
                    labels.add(l.group(1));
                    if (values && "=".equals(l.group(2)) && !TARGET_LABELS.contains(l.group(1))) {
                        String label = l.group(1);
                        String value = l.group(3);
                        if (series.stream().noneMatch(s -> value.equals(s.labels().get(label)))) {
                            missing.add(name + "{" + label + "=\"" + value + "\"} (in: " + query + ")");
                        }
                    }
                }
            }
            labels.addAll(grouping);
            labels.removeAll(TARGET_LABELS);
            for (String label : labels) {
                if ((!"le".equals(label) || name.endsWith("_bucket"))
                        && series.stream().noneMatch(s -> s.labels().containsKey(label))) {
                    missing.add(name + " with label " + label + " (in: " + query + ")");
                }
            }
        }
        return names;
    }

    /**
     * A scrape after the service has talked to a conference backend (the BigBlueButton stand-in):
     * backend call counters exist from the first call, as they would in production.
     */
    private static Scrape scrapeAfterBackendWork() throws IOException {
        try (BbbStandIn bbb = BbbStandIn.start(BBB_SECRET)) {
            var platform = Api.newPlatformWithPolicy();
            asOps().body(Map.of("kind", "BIGBLUEBUTTON", "url", bbb.url(), "secret", BBB_SECRET, "checksum", "SHA256"))
                    .put("/api/v1/tenants/{t}/backend", platform.tenantId()).then().statusCode(200);
            String room = Api.newRoom(platform.key(), "LESSON", 5, Api.ALL_SCOPES);
            Api.as(platform.key()).post("/api/v1/rooms/{r}/close", room).then().statusCode(200);
            return Awaitility.await().atMost(Duration.ofSeconds(30)).until(Scrape::now,
                    s -> s.has("roomgate_backend_calls_total") && s.has("roomgate_backend_pending"));
        }
    }

    private static boolean isDuration(String query, int at) {
        return at > 0 && query.charAt(at - 1) == '[';
    }

    private static JsonNode dashboard() throws IOException {
        return JSON.readTree(DOCKER.resolve("grafana/dashboards/roomgate.json").toFile());
    }

    private static Map<String, String> mounts(JsonNode service) {
        Map<String, String> mounts = new java.util.HashMap<>();
        service.get("volumes").forEach(v -> {
            String[] parts = v.asText().split(":");
            mounts.put(parts[1], parts[0]);
        });
        return mounts;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
