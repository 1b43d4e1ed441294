package org.roomgate.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.roomgate.openapi.OpenApiDocument.Op;
import org.roomgate.openapi.ResourceMethods.Endpoint;
import org.roomgate.support.Api;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The document's security says what the code enforces: each secured operation lists exactly the
 * callers whose credentials it accepts, by the roles of its annotations and by what the running
 * service does with each kind of credential.
 */
@QuarkusTest
class OpenApiSecurityTest {

    /** The contract's callers (R11) and the scheme each must appear under; independent of the filter's table. */
    private static final Map<String, String> SCHEME_OF_ROLE =
            Map.of("ops", "opsKey", "platform", "platformKey", "dashboard", "dashboardKey", "participant", "joinToken");
    private static final String SUBJECT = "p-4711";

    @Test
    void shouldDeclareOneBearerSchemePerCallerSayingHowToGetIt() {
        JsonNode schemes = OpenApiDocument.fetch().root().path("components").path("securitySchemes");
        Set<String> names = new TreeSet<>();
        schemes.fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(SCHEME_OF_ROLE.values()), names);
        schemes.forEach(scheme -> {
            assertEquals("http", scheme.path("type").asText());
            assertEquals("bearer", scheme.path("scheme").asText());
        });
        assertTrue(schemes.path("opsKey").path("description").asText().contains("ROOMGATE_BOOTSTRAP_OPS_KEY"));
        assertTrue(schemes.path("platformKey").path("description").asText().contains("\"role\":\"platform\""));
        assertTrue(schemes.path("dashboardKey").path("description").asText().contains("\"role\":\"dashboard\""));
        assertTrue(schemes.path("joinToken").path("description").asText().contains("POST /api/v1/rooms/{roomId}/join"));
    }

    @Test
    void shouldListOnEveryOperationTheCallersOfItsRolesAllowed() {
        Map<String, Op> documented = OpenApiDocument.fetch().operations().stream()
                .collect(Collectors.toMap(Op::toString, op -> op));
        List<String> wrong = new ArrayList<>();
        List<Endpoint> endpoints = ResourceMethods.all();
        for (Endpoint endpoint : endpoints) {
            Op op = documented.remove(endpoint.method().toUpperCase() + " " + endpoint.path());
            if (!endpoint.open() && endpoint.roles().isEmpty()) {
                wrong.add(endpoint + ": neither @RolesAllowed nor @PermitAll (denied to everyone)");
            } else if (op == null) {
                wrong.add(endpoint + ": not in the document");
            } else {
                Set<String> expected = endpoint.roles().stream().map(SCHEME_OF_ROLE::get).collect(Collectors.toCollection(TreeSet::new));
                if (!expected.equals(op.schemes())) {
                    wrong.add(endpoint + ": allows " + expected + ", the document lists " + op.schemes());
                }
            }
        }
        documented.keySet().forEach(op -> wrong.add(op + ": in the document, but no resource method"));
        assertTrue(endpoints.size() > 40, "resource methods found: " + endpoints.size());
        assertEquals(List.of(), wrong);
    }

    @Test
    void shouldAcceptExactlyTheCredentialsTheDocumentLists() {
        String tenant = Api.newTenant();
        String platform = Api.newKey(tenant, "platform");
        Api.publishPolicy(platform, "2020-11-19", true);
        Api.grantConsent(platform, SUBJECT, "2020-11-19", Api.ALL_SCOPES, Api.ALL_PURPOSES);
        String room = Api.newRoom(platform, "LESSON", 30, Api.ALL_SCOPES);
        String token = Api.join(platform, room, SUBJECT, "PUPIL").path("token");
        // The join token first: a platform key's calls below (close, erase) end its participation.
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("joinToken", token);
        credentials.put("opsKey", Api.OPS_KEY);
        credentials.put("platformKey", platform);
        credentials.put("dashboardKey", Api.newKey(tenant, "dashboard"));
        Map<String, String> pathValues = Map.of("roomId", room, "tenantId", tenant, "subjectId", SUBJECT);

        List<Op> secured = OpenApiDocument.fetch().operations().stream().filter(Op::secured).toList();
        Map<Op, Set<String>> accepted = new LinkedHashMap<>();
        credentials.forEach((scheme, credential) -> secured.forEach(op -> {
            if (accepts(op, credential, pathValues)) {
                accepted.computeIfAbsent(op, o -> new TreeSet<>()).add(scheme);
            }
        }));
        List<String> wrong = new ArrayList<>();
        for (Op op : secured) {
            Set<String> actual = accepted.getOrDefault(op, Set.of());
            if (!actual.equals(op.schemes())) {
                wrong.add(op + ": accepts " + actual + ", the document lists " + op.schemes());
            }
            Response anonymous = request(op, Optional.empty(), pathValues);
            if (anonymous.statusCode() != 401) {
                wrong.add(op + ": without a credential " + anonymous.statusCode() + ", not 401");
            }
        }
        assertTrue(secured.size() > 35, "secured operations: " + secured.size());
        assertEquals(List.of(), wrong);
    }

    /** Accepted: the call got past authentication and the role check, whatever the service then said. */
    private static boolean accepts(Op op, String credential, Map<String, String> pathValues) {
        Response response = request(op, Optional.of(credential), pathValues);
        boolean refusedRole = response.statusCode() == 403
                && "urn:roomgate:problem:forbidden".equals(response.jsonPath().getString("type"));
        return response.statusCode() != 401 && !refusedRole;
    }

    private static Response request(Op op, Optional<String> credential, Map<String, String> pathValues) {
        RequestSpecification request = given().redirects().follow(false);
        credential.ifPresent(c -> request.header("Authorization", "Bearer " + c));
        JsonNode body = op.node().path("requestBody").path("content");
        if (body.has("multipart/form-data")) {
            request.multiPart("file", "notes.txt", "Hausaufgaben".getBytes(), "text/plain");
        } else if (body.has("application/json")) {
            request.contentType("application/json").body("{}");
        }
        String path = op.path();
        for (String name : placeholders(path)) {
            path = path.replace("{" + name + "}", pathValues.getOrDefault(name, UUID.randomUUID().toString()));
        }
        return request.request(op.method().toUpperCase(), path);
    }

    private static List<String> placeholders(String path) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
