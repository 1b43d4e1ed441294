package org.roomgate.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @Test
    void shouldRemovePidFileOfProcessThatNoLongerRuns(@TempDir Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        // PIDs are below 2^22 on Linux, so this one cannot be running.
        Files.writeString(pidFile, "99999999\n" + dir + "\n");
        EmbeddedDatabase.reclaimDataDirectory(dir);
        assertFalse(Files.exists(pidFile));
    }

    @Test
    void shouldKeepDirectoryWithoutPidFileUntouched(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("PG_VERSION"), "17\n");
        EmbeddedDatabase.reclaimDataDirectory(dir);
        assertTrue(Files.exists(dir.resolve("PG_VERSION")));
    }

    @Test
    void shouldLogDatabaseWithoutPasswordOrUser() {
        assertEquals("jdbc:postgresql://db:5432/roomgate",
                DatabaseStartupLog.withoutParameters("jdbc:postgresql://db:5432/roomgate?user=rg&password=secret"));
        assertEquals("jdbc:postgresql://db:5432/roomgate",
                DatabaseStartupLog.withoutParameters("jdbc:postgresql://rg:secret@db:5432/roomgate"));
    }
}
