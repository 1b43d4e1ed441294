package org.roomgate.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alerting rules in docker/prometheus/ judged by Prometheus' own tool: {@code promtool} checks
 * their syntax and runs their unit tests ({@code alerts.test.yml}). CI installs Debian's
 * {@code prometheus} package in {@code .ci/run}, so there a missing promtool fails the build; on a
 * developer's machine without it these tests are skipped with a message saying how to get it.
 */
class AlertRulesTest {

    private static final Path RULES_DIR = Path.of("docker/prometheus");

    @BeforeAll
    static void requirePromtool() {
        boolean present = onPath("promtool");
        if (System.getenv("CI") != null) {
            assertTrue(present, "CI must have promtool (.ci/run installs Debian's prometheus package)");
        }
        Assumptions.assumeTrue(present, "promtool not installed: apt-get install prometheus (or run .ci/run as root)");
    }

    @Test
    void shouldPassTheAlertRulesUnitTests() throws Exception {
        String out = promtool("test", "rules", "alerts.test.yml");
        assertTrue(out.contains("SUCCESS"), out);
    }

    @Test
    void shouldHaveRulesAndConfigurationThatPromtoolAccepts() throws Exception {
        promtool("check", "rules", "alerts.yml");
        promtool("check", "config", "--syntax-only", "prometheus.yml");
    }

    @Test
    void shouldFailTheUnitTestsWhenAnAlertIsBroken() throws Exception {
        // The unit tests can fail: an alert that never fires is caught.
        Path copy = Files.createTempDirectory("alerts");
        String rules = Files.readString(RULES_DIR.resolve("alerts.yml"));
        String tests = Files.readString(RULES_DIR.resolve("alerts.test.yml"));
        Files.writeString(copy.resolve("alerts.yml"), rules.replaceFirst("expr: ", "expr: vector(0) == 1 and "));
        Files.writeString(copy.resolve("alerts.test.yml"), tests);
        Process p = new ProcessBuilder("promtool", "test", "rules", "alerts.test.yml")
                .directory(copy.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), "promtool must report the broken alert");
    }

    private static String promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(RULES_DIR.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        return java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
