package org.roomgate.retention;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the packaged service as an operator would, with a retention above what R8 allows. */
class RetentionLimitIT {

    @Test
    void shouldRefuseToStartWithRetentionAboveSevenDays(@TempDir Path dataDir) throws Exception {
        Path log = dataDir.resolve("out.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("roomgate.jar"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("ROOMGATE_RETENTION_METADATA", "P8D");
        builder.environment().put("ROOMGATE_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        Process service = builder.start();
        boolean exited = service.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            service.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(exited, "the service kept running:\n" + output);
        assertNotEquals(0, service.exitValue());
        assertTrue(output.contains("roomgate.retention.metadata") && output.contains("R8") && output.contains("P7D"),
                "the refusal names the setting, R8 and the limit:\n" + output);
    }
}
