package org.roomgate.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
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

        JsonNode mount = container.get("volumeMounts").get(0);
        for (String key : new String[] { "ROOMGATE_TOKEN_SIGNING_KEY_LOCATION", "ROOMGATE_BACKEND_SECRET_KEY_LOCATION",
                "ROOMGATE_JITSI_ASAP_KEY_LOCATION" }) {
            assertTrue(env.get(key).get("value").asText().startsWith(mount.get("mountPath").asText() + "/"), key);
        }
        JsonNode volume = pod.get("volumes").get(0);
        assertEquals(mount.get("name").asText(), volume.get("name").asText());
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
    void shouldBeScrapedWhereTheMetricsAre() {
        assertEquals("/q/metrics", BY_KIND.get("ServiceMonitor").at("/spec/endpoints/0/path").asText());
    }
}
