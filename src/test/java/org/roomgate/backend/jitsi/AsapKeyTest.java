package org.roomgate.backend.jitsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomgate.support.LogCapture;

/**
 * A Jitsi key of one instance's own is said at WARN where other instances may serve the same
 * tenants (an external database): Prosody fetches the public key through any of them.
 */
class AsapKeyTest {

    @Test
    void shouldWarnWhenAKeyIsGeneratedForAnInstanceOnASharedDatabase(@TempDir Path keys) {
        List<ExtLogRecord> generated = logged(() -> AsapKey.load(Optional.empty(), keys, true));
        assertEquals(1, warnings(generated).size(), generated.toString());
        String warning = warnings(generated).get(0).getFormattedMessage();
        assertTrue(warning.contains("generated now") && warning.contains("roomgate.jitsi.asap-key-location"), warning);

        List<ExtLogRecord> again = logged(() -> AsapKey.load(Optional.empty(), keys, true));
        assertEquals(1, warnings(again).size(), "a key generated before is still this instance's alone");
    }

    @Test
    void shouldNotWarnBesideTheEmbeddedDatabaseOrWithAConfiguredKey(@TempDir Path keys) {
        assertEquals(List.of(), warnings(logged(() -> AsapKey.load(Optional.empty(), keys, false))),
                "the key lives in the data directory with the database itself");
        Path configured = keys.resolve(AsapKey.GENERATED_KEY_FILE);
        assertEquals(List.of(), warnings(logged(() -> AsapKey.load(Optional.of(configured), keys.resolve("unused"), true))),
                "every instance is given the same key");
    }

    private static List<ExtLogRecord> logged(Runnable work) {
        LogCapture capture = new LogCapture();
        capture.start();
        try {
            work.run();
        } finally {
            capture.stop();
        }
        return capture.records().stream().filter(r -> AsapKey.class.getName().equals(r.getLoggerName())).toList();
    }

    private static List<ExtLogRecord> warnings(List<ExtLogRecord> records) {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    }
}
