package org.roomgate.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.roomgate.support.Api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A client generated from the running service's /q/openapi by openapi-typescript compiles with
 * tsc, and walks the README's "First steps" (first-steps.ts, openapi-fetch) against the service:
 * the same requests as the README's curl lines, and the results the README states.
 */
@QuarkusTest
@TestProfile(WipeSoonProfile.class)
class OpenApiClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CURL = Pattern.compile("curl -s (?:-X (\\w+) )?\\$API(/\\S+)(.*?)(?=curl -s |\\z)", Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("-d '([^']*)'");

    @TestHTTPResource("/")
    URL service;

    /** One request: method, path with the room's id as {@code $ROOM}, and JSON body (null node for none). */
    record Sent(String method, String path, JsonNode body) {
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldWalkTheReadmesFirstStepsThroughAGeneratedClient() throws IOException {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        NodeProject.write("openapi.json", document);
        NodeProject.write("request-examples.ts", requestExamples(JSON.readTree(document)));
        NodeProject.node(Map.of(), "node_modules/openapi-typescript/bin/cli.js", "openapi.json", "-o", "roomgate-api.d.ts");
        NodeProject.node(Map.of(), "node_modules/typescript/bin/tsc", "-p", "tsconfig.json");
        String output = NodeProject.node(Map.of("ROOMGATE_URL", service.toString().replaceAll("/$", ""),
                "ROOMGATE_OPS_KEY", Api.OPS_KEY), "out/first-steps.js");
        JsonNode walk = JSON.readTree(output.lines().reduce((first, last) -> last).orElseThrow());

        String roomId = walk.path("roomId").asText();
        List<Sent> sent = new ArrayList<>();
        walk.path("requests").forEach(r -> sent.add(new Sent(r.path("method").asText(),
                r.path("path").asText().replace(roomId, "$ROOM"), r.path("body"))));
        assertEquals(readmeRequests(), sent);

        assertEquals("kastellschule", walk.at("/tenant/id").asText());
        assertEquals("platform", walk.at("/key/role").asText());
        assertTrue(walk.at("/key/length").asInt() >= 32, "a key of 256 random bits");
        assertEquals("2020-11-19", walk.at("/policy/version").asText());
        assertEquals("ACTIVE", walk.at("/consent/status").asText());
        assertEquals("OPEN", walk.at("/room/state").asText());
        assertEquals(readmeCapabilities(), JSON.convertValue(walk.at("/join/capabilities"), List.class));
        assertTrue(walk.at("/join/tokenLength").asInt() > 0);
        assertEquals("Guten Morgen!", walk.at("/chat/text").asText());
        assertEquals("CLOSED", walk.at("/closed/state").asText());
        JsonNode receipt = walk.path("receipt");
        assertNotNull(receipt.path("wipedAt").textValue(), "wiped: " + receipt);
        assertEquals(1, receipt.at("/deleted/chatMessages").asInt(), "counts: " + receipt);
        assertFalse(receipt.toString().contains("Guten Morgen"), "no content in the receipt: " + receipt);
    }

    /**
     * Each operation's request example, typed as the generated client's body of that operation, for
     * tsc to check: an example the client could not send (an unknown field, a wrong enum value) fails.
     */
    private static String requestExamples(JsonNode document) {
        OpenApiDocument doc = OpenApiDocument.of(document);
        StringBuilder ts = new StringBuilder("import type { paths } from \"./roomgate-api.js\";\n\n");
        int count = 0;
        int bodies = 0;
        for (OpenApiDocument.Op op : doc.operations()) {
            JsonNode media = op.node().path("requestBody").path("content").path("application/json");
            bodies += media.isMissingNode() ? 0 : 1;
            Optional<JsonNode> example = doc.exampleOf(media);
            if (example.isPresent()) {
                ts.append("export const ").append(op.node().path("operationId").asText()).append(": NonNullable<paths[")
                        .append(JSON.valueToTree(op.path()).toString()).append("][\"").append(op.method())
                        .append("\"][\"requestBody\"]>[\"content\"][\"application/json\"] = ").append(example.get()).append(";\n");
                count++;
            }
        }
        assertTrue(count > 10 && count == bodies, "request examples: " + count + " of " + bodies + " JSON bodies");
        return ts.toString();
    }

    /** The README's curl lines in "First steps", in order. */
    private static List<Sent> readmeRequests() throws IOException {
        List<Sent> requests = new ArrayList<>();
        Matcher curl = CURL.matcher(firstStepsScript());
        while (curl.find()) {
            Matcher body = BODY.matcher(curl.group(3));
            requests.add(new Sent(curl.group(1) == null ? "GET" : curl.group(1), "/api/v1" + curl.group(2),
                    body.find() ? JSON.readTree(body.group(1)) : NullNode.getInstance()));
        }
        assertTrue(requests.size() >= 9, "README curl lines: " + requests);
        return requests;
    }

    /** The capabilities the README's comment promises for the pupil's join. */
    private static List<String> readmeCapabilities() throws IOException {
        Matcher comment = Pattern.compile("# capabilities: ([A-Z_, ]+)").matcher(firstStepsScript());
        assertTrue(comment.find(), "README names the join's capabilities");
        return Arrays.asList(comment.group(1).strip().split(", "));
    }

    private static String firstStepsScript() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## First steps"));
        int start = section.indexOf("```sh\n") + "```sh\n".length();
        return section.substring(start, section.indexOf("```", start));
    }
}
