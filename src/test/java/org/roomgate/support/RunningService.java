package org.roomgate.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.roomgate.database.EmbeddedDatabase;

/**
 * The packaged jar running as an operator runs it (no database configured: its own embedded
 * PostgreSQL in the data directory), with handles on that PostgreSQL so that tests can restart,
 * crash and stall it as an outage would.
 */
public final class RunningService implements AutoCloseable {

    public static final String OPS_KEY = "it-ops-key-0123456789abcdef0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path dataDir;
    private Path pgCtl;

    private RunningService(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** Starts the jar with the given extra environment and waits until it is ready. */
    public static RunningService start(Path dataDir, Map<String, String> environment) throws Exception {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(PackagedService.javaCommand())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("out.log").toFile());
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().put("ROOMGATE_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("ROOMGATE_BOOTSTRAP_OPS_KEY", OPS_KEY);
        builder.environment().putAll(environment);
        RunningService service = new RunningService(builder.start(), port, dataDir);
        try {
            service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(90));
        } finally {
            service.keepLog();
        }
        return service;
    }

    public HttpResponse<String> send(String method, String path, String bearer, String body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(String method, String path, String bearer, String body) throws IOException, InterruptedException {
        return send(method, path, bearer, body, Duration.ofSeconds(30));
    }

    /** Sends the request and fails unless it gets the expected status; returns the body. */
    public String call(String method, String path, String bearer, String body, int expected) throws Exception {
        HttpResponse<String> response = send(method, path, bearer, body);
        if (response.statusCode() != expected) {
            throw new AssertionError(method + " " + path + ": expected " + expected + ", got " + response.statusCode()
                    + " " + response.body() + "\n" + log());
        }
        return response.body();
    }

    /** Polls the path until it answers with the status. */
    public void awaitStatus(String path, int status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited:\n" + log());
            }
            try {
                if (send("GET", path, null, null, Duration.ofSeconds(5)).statusCode() == status) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet, or the answer took too long.
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not answer " + status + " within " + within + ":\n" + log());
    }

    /** A new tenant and its platform key. */
    public String newPlatformKey(String tenant) throws Exception {
        call("POST", "/api/v1/tenants", OPS_KEY, "{\"id\":\"" + tenant + "\",\"name\":\"School\"}", 201);
        return field(call("POST", "/api/v1/tenants/" + tenant + "/api-keys", OPS_KEY, "{\"role\":\"platform\"}", 201), "key");
    }

    public static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new AssertionError(name + " in " + json);
        }
        return matcher.group(1);
    }

    public String log() throws IOException {
        return Files.readString(dataDir.resolve("out.log"), StandardCharsets.UTF_8);
    }

    public Path postgresDirectory() {
        return dataDir.resolve("postgres");
    }

    /**
     * The service's embedded PostgreSQL, as a second client: over loopback with the generated
     * password, the only way the locked-down database lets anyone in.
     */
    public DataSource database() throws IOException {
        Matcher url = Pattern.compile("embedded PostgreSQL at (jdbc:postgresql://127\\.0\\.0\\.1:[0-9]+/[a-z]+)").matcher(log());
        if (!url.find()) {
            throw new AssertionError("the service names no embedded database in its log");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url.group(1));
        dataSource.setUser("postgres");
        dataSource.setPassword(Files.readString(EmbeddedDatabase.passwordFileOf(postgresDirectory())).trim());
        return dataSource;
    }

    /** The embedded PostgreSQL's postmaster, as its pid file names it. */
    public ProcessHandle postmaster() throws IOException {
        String pid = Files.readAllLines(postgresDirectory().resolve("postmaster.pid")).get(0).trim();
        return ProcessHandle.of(Long.parseLong(pid)).orElseThrow(() -> new AssertionError("no postmaster " + pid));
    }

    /** Runs pg_ctl of the embedded server's own binaries on its data directory. */
    public void pgCtl(String... arguments) throws Exception {
        if (pgCtl == null) {
            // Found through the running server, and kept for a start after a stop.
            pgCtl = Files.readSymbolicLink(Path.of("/proc", String.valueOf(postmaster().pid()), "exe")).resolveSibling("pg_ctl");
        }
        List<String> command = new java.util.ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; zonky runs it in a user namespace, and so do we.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", postgresDirectory().toString()));
        command.addAll(List.of(arguments));
        Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("pg_ctl.log").toFile())).start();
        if (!pgCtl.waitFor(60, TimeUnit.SECONDS) || pgCtl.exitValue() != 0) {
            throw new AssertionError("pg_ctl " + arguments[0] + " failed:\n" + Files.readString(dataDir.resolve("pg_ctl.log")));
        }
    }

    /** The command line of a process, as the kernel shows it (PostgreSQL rewrites it per backend). */
    public static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    /** Sends a signal (e.g. STOP, CONT, KILL, TERM) to the given processes. */
    public static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(String.valueOf(p.pid())));
        if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
            throw new AssertionError("kill -" + signal + " failed");
        }
    }

    public Process process() {
        return process;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        keepLog();
    }

    /** Copies the service's log to target/it-logs, for reading after a failed run. */
    public void keepLog() throws IOException {
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        Files.copy(dataDir.resolve("out.log"), logs.resolve(dataDir.getFileName() + ".log"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
