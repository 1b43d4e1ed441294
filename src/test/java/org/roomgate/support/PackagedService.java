package org.roomgate.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts the packaged jar as an operator would, for integration tests of start-up behaviour. */
public final class PackagedService {

    private PackagedService() {
    }

    /** How a start that should be refused ended. */
    public record Refusal(boolean exited, int exitCode, String output) {
    }

    /** The packaged jar as an operator starts it, with its data directory and its output in {@code log}. */
    public static ProcessBuilder command(Path dataDir, Path log) {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("roomgate.jar"))
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
}
