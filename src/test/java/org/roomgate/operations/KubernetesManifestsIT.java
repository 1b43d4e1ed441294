package org.roomgate.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The manifests quarkus-kubernetes generated in this build (target/kubernetes/kubernetes.yml) and
 * the CloudNativePG cluster they run against fit together: probes on /q/health, resources, a
 * disruption budget that keeps an instance, the signing key and database credentials from Secrets.
 */
class KubernetesManifestsIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, JsonNode> BY_KIND = new HashMap<>();
    /** What the README gives the JVM to exit after the grace period (and the embedded database to stop). */
    private static final long EXIT_MARGIN_SECONDS = 10;

    @BeforeAll
    static void readManifests() throws IOException {
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(Path.of("target/kubernetes/kubernetes.yml").toFile())) {
            documents.forEachRemaining(doc -> BY_KIND.put(doc.get("kind").asText(), doc));
        }
    }

    @Test
    void shouldRunSeveralInstancesWithProbesAndResources() {
        JsonNode deployment = BY_KIND.get("Deployment");
        assertTrue(deployment.at("/spec/replicas").asInt() >= 2);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertFalse(container.at("/resources/requests/cpu").isMissingNode());
        assertFalse(container.at("/resources/requests/memory").isMissingNode());
        assertFalse(container.at("/resources/limits/memory").isMissingNode());
        assertTrue(deployment.at("/spec/template/spec/initContainers").isMissingNode(), "no init job: Flyway locks itself");
        assertFalse(BY_KIND.containsKey("Job"));
    }

    @Test
    void shouldKeepAnInstanceThroughVoluntaryDisruptions() {
        JsonNode budget = BY_KIND.get("PodDisruptionBudget");
        JsonNode deployment = BY_KIND.get("Deployment");
        assertTrue(budget.at("/spec/minAvailable").asInt() >= 1);
        assertTrue(budget.at("/spec/minAvailable").asInt() < deployment.at("/spec/replicas").asInt(), "drains can proceed");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        budget.at("/spec/selector/matchLabels").fields().forEachRemaining(label ->
                assertEquals(label.getValue().asText(), podLabels.path(label.getKey()).asText(), "selects the pods"));
    }

    @Test
    void shouldTakeTheKeysAndTheDatabaseCredentialsFromSecrets() {
        JsonNode pod = BY_KIND.get("Deployment").at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        Map<String, JsonNode> env = new HashMap<>();
        container.get("env").forEach(e -> env.put(e.get("name").asText(), e));

        JsonNode mount = named(container.get("volumeMounts"), "keys");
        for (String key : new String[] { "ROOMGATE_TOKEN_SIGNING_KEY_LOCATION", "ROOMGATE_BACKEND_SECRET_KEY_LOCATION" }) {
            assertTrue(env.get(key).get("value").asText().startsWith(mount.get("mountPath").asText() + "/"), key);
        }
        JsonNode volume = named(pod.get("volumes"), "keys");
        assertEquals("roomgate-keys", volume.at("/secret/secretName").asText());
        assertEquals(0440, volume.at("/secret/defaultMode").asInt(), "readable by the service's group only");
        assertEquals(185, pod.at("/securityContext/fsGroup").asInt());

        for (String name : new String[] { "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "ROOMGATE_BOOTSTRAP_OPS_KEY" }) {
            assertTrue(env.get(name).has("valueFrom"), name + " comes from a Secret");
            assertFalse(env.get(name).has("value"), name + " is not written into the manifest");
        }
    }

    @Test
    void shouldPointAtTheCloudNativePgClusterWithoutBackups() throws IOException {
        JsonNode cluster = YAML.readTree(Path.of("deploy/cloudnative-pg/cluster.yml").toFile());
        assertEquals("postgresql.cnpg.io/v1", cluster.get("apiVersion").asText());
        assertEquals("Cluster", cluster.get("kind").asText());
        String name = cluster.at("/metadata/name").asText();
        String database = cluster.at("/spec/bootstrap/initdb/database").asText();

        Map<String, JsonNode> env = new HashMap<>();
        BY_KIND.get("Deployment").at("/spec/template/spec/containers/0/env").forEach(e -> env.put(e.get("name").asText(), e));
        assertEquals("jdbc:postgresql://" + name + "-rw:5432/" + database, env.get("QUARKUS_DATASOURCE_JDBC_URL").get("value").asText(),
                "the operator's read-write service and the bootstrapped database");
        assertEquals(name + "-app", env.get("QUARKUS_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef/name").asText(),
                "the secret the operator creates for the owner");
        assertTrue(cluster.at("/spec/backup").isMissingNode(), "R9: no backups of conference data");
        assertFalse("on".equals(cluster.at("/spec/postgresql/parameters/archive_mode").asText()));
        assertEquals("0", cluster.at("/spec/postgresql/parameters/log_parameter_max_length").asText(), "R4");
    }

    @Test
    void shouldStopRoutingBeforeTheServiceRefusesRequestsAndWaitForItToFinish() {
        JsonNode pod = BY_KIND.get("Deployment").at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        Map<String, JsonNode> env = env(container);
        assertTrue(env.containsKey("ROOMGATE_SHUTDOWN_DRAIN") && env.containsKey("ROOMGATE_SHUTDOWN_GRACE_PERIOD"),
                "the manifest states the shutdown's drain and grace period it is sized for");
        Duration drain = quarkusDuration(env.get("ROOMGATE_SHUTDOWN_DRAIN").get("value").asText());
        Duration grace = quarkusDuration(env.get("ROOMGATE_SHUTDOWN_GRACE_PERIOD").get("value").asText());

        long preStop = container.at("/lifecycle/preStop/sleep/seconds").asLong();
        assertTrue(preStop >= 3, "endpoints and kube-proxy get a few seconds before SIGTERM, not " + preStop);
        long needed = preStop + drain.toSeconds() + grace.toSeconds() + EXIT_MARGIN_SECONDS;
        assertTrue(pod.at("/terminationGracePeriodSeconds").asLong() >= needed,
                "terminationGracePeriodSeconds >= preStop + drain + grace + 10 s = " + needed + ", not "
                        + pod.at("/terminationGracePeriodSeconds"));

        JsonNode readiness = container.get("readinessProbe");
        long noticed = readiness.get("periodSeconds").asLong() * readiness.get("failureThreshold").asLong();
        assertTrue(noticed <= drain.toSeconds(), "readiness DOWN is noticed within the drain (" + drain + "), not after " + noticed + " s");
    }

    @Test
    void shouldRunAsRestrictedWithOnlyTmpWritableAndInMemory() throws IOException {
        JsonNode pod = BY_KIND.get("Deployment").at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        JsonNode security = container.path("securityContext");
        assertFalse(security.isMissingNode(), "a container securityContext");
        assertFalse(security.get("allowPrivilegeEscalation").asBoolean(true));
        assertTrue(security.get("readOnlyRootFilesystem").asBoolean());
        assertTrue(security.get("runAsNonRoot").asBoolean());
        assertEquals("[\"ALL\"]", security.at("/capabilities/drop").toString());
        assertEquals("RuntimeDefault", security.at("/seccompProfile/type").asText());
        assertEquals(imageUser(), security.get("runAsUser").asInt(), "the user the image's files belong to");

        JsonNode tmp = named(container.get("volumeMounts"), "tmp");
        assertEquals("/tmp", tmp.get("mountPath").asText());
        JsonNode tmpVolume = named(pod.get("volumes"), "tmp").get("emptyDir");
        assertEquals("Memory", tmpVolume.get("medium").asText(), "uploads and the crypto library never on a disk");
        assertFalse(tmpVolume.path("sizeLimit").isMissingNode(), "a tmpfs counts against the memory limit: bounded");
        container.get("volumeMounts").forEach(mount -> assertTrue(
                mount == tmp || mount.path("readOnly").asBoolean(), mount.get("mountPath") + " is read-only"));
    }

    @Test
    void shouldFitTheImagesHeapAndTheTmpfsInTheMemoryLimit() throws IOException {
        JsonNode pod = BY_KIND.get("Deployment").at("/spec/template/spec");
        long limit = DockerFilesTest.megabytes(pod.at("/containers/0/resources/limits/memory").asText());
        long tmpfs = DockerFilesTest.megabytes(named(pod.get("volumes"), "tmp").at("/emptyDir/sizeLimit").asText());
        long heap = DockerFilesTest.imageHeapMegabytes();
        assertTrue(heap + DockerFilesTest.NON_HEAP_MB + tmpfs <= limit,
                "heap " + heap + " + " + DockerFilesTest.NON_HEAP_MB + " beside it + /tmp " + tmpfs + " within the limit " + limit);
    }

    @Test
    void shouldSpreadTheReplicasOverNodes() {
        JsonNode deployment = BY_KIND.get("Deployment");
        JsonNode spread = deployment.at("/spec/template/spec/topologySpreadConstraints/0");
        assertFalse(spread.isMissingNode(), "a topology spread constraint");
        assertEquals("kubernetes.io/hostname", spread.get("topologyKey").asText());
        assertEquals(1, spread.get("maxSkew").asInt());
        spread.at("/labelSelector/matchLabels").fields().forEachRemaining(label -> assertEquals(label.getValue().asText(),
                deployment.at("/spec/template/metadata/labels").path(label.getKey()).asText(), "selects the replicas"));
    }

    @Test
    void shouldBeScrapedWhereTheMetricsAre() {
        assertEquals("/q/metrics", BY_KIND.get("ServiceMonitor").at("/spec/endpoints/0/path").asText());
    }

    static JsonNode named(JsonNode array, String name) {
        for (JsonNode element : array) {
            if (name.equals(element.path("name").asText())) {
                return element;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }

    static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new HashMap<>();
        container.get("env").forEach(e -> env.put(e.get("name").asText(), e));
        return env;
    }

    /** A duration as Quarkus reads it: ISO-8601, or a number with a unit ("2S", "20s"). */
    static Duration quarkusDuration(String text) {
        return Duration.parse(text.startsWith("P") || text.startsWith("p") ? text : "PT" + text);
    }

    /** The numeric user the image runs as (its last USER line). */
    static int imageUser() throws IOException {
        List<String> users = Files.readAllLines(Path.of("docker/Dockerfile.jvm")).stream()
                .filter(line -> line.startsWith("USER ")).toList();
        return Integer.parseInt(users.get(users.size() - 1).substring("USER ".length()).trim());
    }
}
