package org.roomgate.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Secrets kept in the data directory (generated signing keys): readable by the service's user only. */
public final class PrivateFiles {

    private PrivateFiles() {
    }

    /**
     * Writes the text owner-only (0600) in an owner-only directory (0700). Atomic, so a crash never
     * leaves a half-written key that would fail the next start.
     */
    public static void write(Path location, String text) throws IOException {
        Files.createDirectories(location.getParent(),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path temporary = location.resolveSibling(location.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, text, StandardCharsets.US_ASCII);
        Files.move(temporary, location, StandardCopyOption.ATOMIC_MOVE);
    }
}
