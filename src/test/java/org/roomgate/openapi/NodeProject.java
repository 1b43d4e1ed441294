package org.roomgate.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The node project src/test/openapi-client, copied to target/openapi-client and installed there by
 * the Maven build ({@code npm ci} from the committed lock file).
 */
final class NodeProject {

    static final Path DIR = Path.of("target", "openapi-client");

    private NodeProject() {
    }

    /** Runs {@code node} with the arguments in the project's directory; its output, or a failure that shows it. */
    static String node(Map<String, String> environment, String... arguments) {
        if (!Files.isDirectory(DIR.resolve("node_modules"))) {
            throw new IllegalStateException("the client generator is not installed: run ./mvnw process-test-resources");
        }
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void write(String file, String content) {
        try {
            Files.writeString(DIR.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
