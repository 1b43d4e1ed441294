package org.roomgate.content;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomgate.support.PackagedService;

/** A file limit above the HTTP layer's would answer large uploads with an empty 413: refused at start. */
class UploadLimitIT {

    @Test
    void shouldRefuseToStartWithFileLimitAboveHttpLimit(@TempDir Path dataDir) throws Exception {
        var start = PackagedService.startExpectingRefusal(Map.of("ROOMGATE_FILES_MAX_SIZE", "100M"), dataDir);
        assertTrue(start.exited(), "the service kept running:\n" + start.output());
        assertNotEquals(0, start.exitCode());
        assertTrue(start.output().contains("roomgate.files.max-size") && start.output().contains("max-body-size"),
                "the refusal names both settings:\n" + start.output());
    }
}
