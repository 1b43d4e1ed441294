package org.roomgate.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The policy lives in the repository, and nothing points outside it. */
class RepositoryDocsTest {

    @Test
    void shouldCarryThePolicyRulesWithTheirSource() throws IOException {
        String policy = Files.readString(Path.of("docs/policy.md"));
        assertTrue(policy.contains("19.11.2020"), "names the school's policy of 19.11.2020 as the source");
        IntStream.rangeClosed(1, 11).forEach(i -> assertTrue(policy.contains("| R" + i + " |"), "rule R" + i));
        assertTrue(Files.readString(Path.of("README.md")).contains("](docs/policy.md)"), "README links the rules");
    }

    @Test
    void shouldLinkNothingOutsideTheRepository() throws IOException {
        List<Path> offending;
        try (Stream<Path> files = Stream.of(Path.of("README.md"), Path.of("docs"), Path.of("src"), Path.of("docker"),
                Path.of("deploy"), Path.of("bench")).flatMap(RepositoryDocsTest::walk)) {
            offending = files.filter(Files::isRegularFile).filter(f -> read(f).contains("../shared")).toList();
        }
        // This test names the string it looks for; it is the only file allowed to.
        assertEquals(List.of(Path.of("src/test/java/org/roomgate/operations/RepositoryDocsTest.java")), offending);
    }

    private static Stream<Path> walk(Path root) {
        try {
            return Files.walk(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
