package org.roomgate.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomgate.support.RunningService;

/** The packaged jar tells an operator how to administer it when it has no ops key, and only then. */
class OpsKeyWarningIT {

    private static final String WARNING = "No ops key is configured";

    @Test
    void shouldWarnAtStartHowToAdministerAServiceWithoutAnOpsKey(@TempDir Path dataDir) throws Exception {
        // An empty environment variable is no value for SmallRye Config: the key is unset.
        try (RunningService service = RunningService.start(dataDir, Map.of("ROOMGATE_BOOTSTRAP_OPS_KEY", ""))) {
            assertTrue(service.log().lines().anyMatch(line -> line.contains("WARN") && line.contains("[or.ro.te.OpsKeyWarning]")
                    && line.contains(WARNING)), service.log());
            assertTrue(service.log().contains("Set ROOMGATE_BOOTSTRAP_OPS_KEY"), "names the setting");
            assertEquals(401, service.send("GET", "/api/v1/tenants", RunningService.OPS_KEY, null).statusCode(),
                    "the warning's reason: no operations call is admitted");
        }
    }

    @Test
    void shouldStartQuietlyWithAnOpsKeyAndNeverPrintIt(@TempDir Path dataDir) throws Exception {
        try (RunningService service = RunningService.start(dataDir, Map.of())) {
            service.call("GET", "/api/v1/tenants", RunningService.OPS_KEY, null, 200);
            assertFalse(service.log().contains(WARNING), service.log());
            assertFalse(service.log().contains(RunningService.OPS_KEY), "the key is never logged");
        }
    }
}
