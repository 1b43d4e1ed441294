package org.roomgate.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * No Docker engine runs here, so the image and compose files are kept correct by reading them as
 * Docker would: what the build context lets in, what the image's health check runs (run here with
 * bash against a stand-in of /q/health/ready), and the shutdown and memory numbers the service needs.
 */
class DockerFilesTest {

    private static final Path DOCKERFILE = Path.of("docker/Dockerfile.jvm");
    private static final Path COMPOSE = Path.of("docker/compose.yml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** What the README gives the JVM to exit after the grace period. */
    private static final Duration EXIT_MARGIN = Duration.ofSeconds(10);
    /** The resident set beside the heap under load, measured with bench/memory.sh (README "Kubernetes"). */
    static final long NON_HEAP_MB = 240;

    @Test
    void shouldLetIntoTheBuildContextWhatTheImageCopiesAndNoSecrets() throws IOException {
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        List<String> sources = copySources();
        assertTrue(sources.size() >= 4, "COPY lines were read: " + sources);
        for (String source : sources) {
            assertTrue(inContext(source, ignore), source + " is COPYed but .dockerignore leaves it out");
        }
        for (String secret : List.of("data", "data/postgres.password", "data/keys/signing-key.pem",
                "target/class-data-training/postgres.password", "target/test-data/keys/signing-key.pem", ".git", "src")) {
            assertFalse(inContext(secret, ignore), secret + " must stay out of the build context");
        }
    }

    @Test
    void shouldCheckHealthWithWhatTheImageHas() throws Exception {
        String healthcheck = Files.readAllLines(DOCKERFILE).stream().filter(line -> line.startsWith("HEALTHCHECK ")).findFirst()
                .orElseThrow(() -> new AssertionError("no HEALTHCHECK in the Dockerfile"));
        JsonNode roomgate = compose().at("/services/roomgate");
        List<String> composeTest = new ArrayList<>();
        roomgate.at("/healthcheck/test").forEach(part -> composeTest.add(part.asText()));
        assertEquals(List.of("CMD", "bash", "/deployments/health.sh"), composeTest);
        assertTrue(healthcheck.endsWith("CMD [\"bash\", \"" + composeTest.get(2) + "\"]"), "the same check in both: " + healthcheck);
        assertTrue(Files.readAllLines(DOCKERFILE).stream().anyMatch(line -> line.startsWith("COPY ")
                && line.endsWith(" docker/health.sh " + composeTest.get(2))), "the image holds the script the health check runs");

        try (ReadinessStandIn ready = new ReadinessStandIn(200)) {
            assertEquals(0, runHealthScript(ready.port()), "healthy on 200");
        }
        try (ReadinessStandIn down = new ReadinessStandIn(503)) {
            assertEquals(1, runHealthScript(down.port()), "unhealthy on 503 (draining, database down)");
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertEquals(1, runHealthScript(closed), "unhealthy while nothing listens");
    }

    @Test
    void shouldGiveTheShutdownItsTimeBeforeDockerKillsIt() throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(Path.of("src/main/resources/application.properties").toUri().toURL()))
                .build();
        Duration drain = KubernetesManifestsIT.quarkusDuration(config.getValue("quarkus.shutdown.delay", String.class));
        Duration grace = KubernetesManifestsIT.quarkusDuration(config.getValue("quarkus.shutdown.timeout", String.class));
        Duration stop = KubernetesManifestsIT.quarkusDuration(compose().at("/services/roomgate/stop_grace_period").asText("0s"));
        Duration needed = drain.plus(grace).plus(EXIT_MARGIN);
        assertTrue(stop.compareTo(needed) >= 0, "stop_grace_period >= drain + grace + 10 s = " + needed + ", not " + stop);
    }

    @Test
    void shouldFitTheHeapAndTmpInTheMemoryLimit() throws IOException {
        JsonNode roomgate = compose().at("/services/roomgate");
        assertTrue(roomgate.get("read_only").asBoolean(), "only the data directory and /tmp are writable");
        String tmp = roomgate.get("tmpfs").get(0).asText();
        Matcher size = Pattern.compile("^/tmp:size=(\\d+)m$").matcher(tmp);
        assertTrue(size.matches(), "/tmp is a bounded tmpfs: " + tmp);
        long limit = megabytes(roomgate.get("mem_limit").asText());
        long heap = imageHeapMegabytes();
        assertTrue(heap + NON_HEAP_MB + Long.parseLong(size.group(1)) <= limit,
                "heap " + heap + " + " + NON_HEAP_MB + " beside it + /tmp " + size.group(1) + " within mem_limit " + limit);
    }

    @Test
    void shouldNameEveryVariableTheComposeFileDemandsInItsHeader() throws IOException {
        List<String> lines = Files.readAllLines(COMPOSE);
        String header = String.join("\n", lines.stream().takeWhile(line -> line.startsWith("#")).toList());
        String body = String.join("\n", lines.stream().dropWhile(line -> line.startsWith("#")).toList());
        Set<String> required = new LinkedHashSet<>();
        Set<String> all = new LinkedHashSet<>();
        Matcher variable = Pattern.compile("\\$\\{([A-Z_]+)(:?[?-])?").matcher(body);
        while (variable.find()) {
            all.add(variable.group(1));
            if (variable.group(2) != null && variable.group(2).endsWith("?")) {
                required.add(variable.group(1));
            }
        }
        assertTrue(required.contains("ROOMGATE_BOOTSTRAP_OPS_KEY") && required.contains("GRAFANA_ADMIN_PASSWORD"), required.toString());
        List<String> headerLines = lines.stream().takeWhile(line -> line.startsWith("#")).toList();
        String command = String.join("\n", headerLines.stream()
                .dropWhile(line -> !line.contains("./mvnw")).takeWhile(line -> !line.contains("Required")).toList());
        assertTrue(command.contains("docker compose"), "the header shows the command: " + command);
        for (String name : required) {
            assertTrue(command.contains(name + "="), "the header's command sets " + name);
        }
        for (String name : all) {
            assertTrue(header.contains(name), "the header names " + name);
        }
    }

    /** The heap the image gives the JVM (-Xmx in its JAVA_OPTS), in MB. */
    static long imageHeapMegabytes() throws IOException {
        Matcher xmx = Pattern.compile("ENV JAVA_OPTS=\"[^\"]*-Xmx(\\d+)m").matcher(Files.readString(DOCKERFILE));
        assertTrue(xmx.find(), "the image sets the heap explicitly");
        return Long.parseLong(xmx.group(1));
    }

    /** "512m", "512Mi" or "1Gi" in MB (a MiB counted as an MB errs on the safe side here). */
    static long megabytes(String quantity) {
        Matcher m = Pattern.compile("^(\\d+)([mMgG])i?$").matcher(quantity);
        assertTrue(m.matches(), quantity);
        return Long.parseLong(m.group(1)) * (m.group(2).equalsIgnoreCase("g") ? 1024 : 1);
    }

    private static JsonNode compose() throws IOException {
        return YAML.readTree(COMPOSE.toFile());
    }

    /** The source paths of every COPY (the last argument is the destination; flags start with --). */
    private static List<String> copySources() throws IOException {
        List<String> sources = new ArrayList<>();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            if (line.startsWith("COPY ")) {
                List<String> arguments = new ArrayList<>(List.of(line.substring(5).trim().split("\\s+")));
                arguments.removeIf(argument -> argument.startsWith("--"));
                sources.addAll(arguments.subList(0, arguments.size() - 1));
            }
        }
        return sources;
    }

    /**
     * Docker's rule: the last pattern that matches the path or one of its parent directories
     * decides, and a pattern starting with ! lets the path back in.
     */
    static boolean inContext(String path, List<String> patterns) {
        boolean included = true;
        for (String pattern : patterns) {
            boolean exception = pattern.startsWith("!");
            String glob = exception ? pattern.substring(1) : pattern;
            var matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob.replaceAll("/+$", ""));
            for (Path candidate = Path.of(path.replaceAll("/+$", "")); candidate != null; candidate = candidate.getParent()) {
                if (matcher.matches(candidate)) {
                    included = exception;
                    break;
                }
            }
        }
        return included;
    }

    private static int runHealthScript(int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "docker/health.sh").redirectErrorStream(true);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        Process probe = builder.start();
        assertTrue(probe.waitFor(20, TimeUnit.SECONDS), "the health check ends by itself");
        return probe.exitValue();
    }

    /** A stand-in of the service's /q/health/ready on a free loopback port, answering one status. */
    private static final class ReadinessStandIn implements AutoCloseable {

        private final HttpServer server;

        ReadinessStandIn(int status) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/q/health/ready", exchange -> {
                byte[] body = ("{\"status\":\"" + (status == 200 ? "UP" : "DOWN") + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
