package org.roomgate.retention;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomgate.support.PackagedService;

/** Starts the packaged service as an operator would, with a retention above what R8 allows. */
class RetentionLimitIT {

    @Test
    void shouldRefuseToStartWithRetentionAboveSevenDays(@TempDir Path dataDir) throws Exception {
        var start = PackagedService.startExpectingRefusal(Map.of("ROOMGATE_RETENTION_METADATA", "P8D"), dataDir);
        assertTrue(start.exited(), "the service kept running:\n" + start.output());
        assertNotEquals(0, start.exitCode());
        assertTrue(start.output().contains("roomgate.retention.metadata") && start.output().contains("R8")
                && start.output().contains("P7D"), "the refusal names the setting, R8 and the limit:\n" + start.output());
    }
}
