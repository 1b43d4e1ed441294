package org.roomgate.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts the packaged jar as an operator would, for integration tests of start-up behaviour. */
public final class PackagedService {

    private PackagedService() {
    }

    /** How a start that should be refused ended. */
    public record Refusal(boolean exited, int exitCode, String output) {
    }

    /**
     * The README's run command: this JDK, the given JVM options, the build's class-data archive
     * beside the jar, and the jar.
     */
    public static List<String> javaCommand(String... jvmOptions) {
        Path jar = Path.of(System.getProperty("roomgate.jar"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-XX:SharedArchiveFile=" + jar.resolveSibling("app-cds.jsa"), "-jar", jar.toString()));
        return command;
    }

    /** The packaged jar as an operator starts it, with its data directory and its output in {@code log}. */
    public static ProcessBuilder command(Path dataDir, Path log) {
        ProcessBuilder builder = new ProcessBuilder(javaCommand())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("ROOMGATE_DATA_DIR", dataDir.toString());
        return builder;
    }

    /** Starts the service with the given environment and waits up to 90 s for it to give up. */
    public static Refusal startExpectingRefusal(Map<String, String> environment, Path dataDir)
            throws IOException, InterruptedException {
        Path log = dataDir.resolve("out.log");
        ProcessBuilder builder = command(dataDir, log);
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().putAll(environment);
        Process service = builder.start();
        boolean exited = service.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            service.destroyForcibly();
        }
        return new Refusal(exited, exited ? service.exitValue() : 0, Files.readString(log, StandardCharsets.UTF_8));
    }

    /** A running packaged service on a port of its own; {@link #close()} stops it. */
    public record Running(Process process, int port, Path log) implements AutoCloseable {

        public String base() {
            return "http://localhost:" + port;
        }

        /** Sends a JSON request with a bearer; fails unless the status is the expected one; returns the body. */
        public String call(String method, String path, String bearer, String body, int expected) throws Exception {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                    .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(method + " " + path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    /** A port that was free a moment ago. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** Starts the jar with the environment on the port and waits up to 90 s until it is ready. */
    public static Running start(Map<String, String> environment, Path dataDir, int port) throws Exception {
        Path log = dataDir.resolve("out.log");
        ProcessBuilder builder = new ProcessBuilder(javaCommand())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("ROOMGATE_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().putAll(environment);
        Running running = new Running(builder.start(), port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!running.process().isAlive()) {
                throw new AssertionError("the service exited:\n" + Files.readString(log));
            }
            try {
                running.call("GET", "/q/health/ready", null, null, 200);
                return running;
            } catch (IOException | AssertionError notYet) {
                Thread.sleep(200);
            }
        }
        running.close();
        throw new AssertionError("not ready within 90 s:\n" + Files.readString(log));
    }
}
