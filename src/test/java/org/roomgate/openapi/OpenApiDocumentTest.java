package org.roomgate.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.roomgate.openapi.OpenApiDocument.Op;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/** What a generated client and an integrator reading Swagger UI need from the document beyond security. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void shouldGiveEveryOperationAUniqueCamelCaseOperationId() {
        List<Op> operations = OpenApiDocument.fetch().operations();
        Set<String> seen = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        for (Op op : operations) {
            String id = op.node().path("operationId").asText("");
            if (!id.matches("[a-z][a-z]+([A-Z][a-z0-9]+)+")) {
                wrong.add(op + ": operationId '" + id + "' is not a camelCase verb and noun");
            } else if (!seen.add(id)) {
                wrong.add(op + ": operationId '" + id + "' is used twice");
            }
        }
        assertTrue(operations.size() > 40, "operations: " + operations.size());
        assertEquals(List.of(), wrong);
    }

    @Test
    void shouldShowAnExampleForEveryJsonBody() {
        OpenApiDocument document = OpenApiDocument.fetch();
        List<String> missing = new ArrayList<>();
        for (Op op : document.operations()) {
            op.node().path("requestBody").path("content").fields().forEachRemaining(media -> {
                if (isJson(media.getKey()) && !hasExample(document, media.getValue())) {
                    missing.add(op + " request " + media.getKey());
                }
            });
            op.node().path("responses").fields().forEachRemaining(response -> response.getValue().path("content").fields()
                    .forEachRemaining(media -> {
                        if (isJson(media.getKey()) && !hasExample(document, media.getValue())) {
                            missing.add(op + " " + response.getKey() + " " + media.getKey());
                        }
                    }));
        }
        assertEquals(List.of(), missing, "Swagger UI would make up \"string\" values for these");
    }

    @Test
    void shouldShowNoTypePlaceholderAsAnExample() {
        List<String> placeholders = new ArrayList<>();
        walkExamples(OpenApiDocument.fetch().root(), "", placeholders);
        assertEquals(List.of(), placeholders);
    }

    @Test
    void shouldWriteSchemaExamplesWithTheSchemasOwnFields() {
        OpenApiDocument document = OpenApiDocument.fetch();
        List<String> wrong = new ArrayList<>();
        document.root().path("components").path("schemas").fields().forEachRemaining(schema -> {
            JsonNode properties = schema.getValue().path("properties");
            schema.getValue().path("examples").forEach(example -> example.fields().forEachRemaining(field -> {
                JsonNode property = document.resolve(properties.path(field.getKey()));
                if (!properties.has(field.getKey())) {
                    wrong.add(schema.getKey() + " example has '" + field.getKey() + "', which the schema does not");
                } else if ("uuid".equals(property.path("format").asText()) && !field.getValue().isNull()
                        && !field.getValue().asText().matches("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}")) {
                    wrong.add(schema.getKey() + " example's " + field.getKey() + " is no UUID: " + field.getValue());
                }
            }));
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void shouldShowEachErrorAsAProblemOfItsOwnType() {
        JsonNode paths = OpenApiDocument.fetch().root().path("paths");
        JsonNode notFound = paths.at("/~1api~1v1~1rooms~1{roomId}/get/responses/404/content/application~1problem+json/example");
        assertEquals("urn:roomgate:problem:not-found", notFound.path("type").asText(), notFound.toString());
        assertEquals(404, notFound.path("status").asInt());
        JsonNode closed = paths.at("/~1api~1v1~1rooms~1{roomId}~1join/post/responses/409/content/application~1problem+json/example");
        assertEquals("urn:roomgate:problem:room-closed", closed.path("type").asText(), closed.toString());
        assertTrue(closed.path("rule").isMissingNode(), "R10 is room-full's rule, not room-closed's: " + closed);
        JsonNode invalid = paths.at("/~1api~1v1~1rooms~1{roomId}~1join/post/responses/400");
        assertEquals("urn:roomgate:problem:validation-failed",
                invalid.at("/content/application~1problem+json/example/type").asText(), invalid.toString());
        assertTrue(invalid.path("description").asText().startsWith("validation-failed"), invalid.toString());
        JsonNode recording = paths.at("/~1api~1v1~1rooms/post/responses/422/content/application~1problem+json/example");
        assertEquals("urn:roomgate:problem:recording-prohibited", recording.path("type").asText(), recording.toString());
        assertEquals("R5", recording.path("rule").asText());
        JsonNode reused = paths.at("/~1api~1v1~1rooms~1{roomId}~1join/post/responses/422/content/application~1problem+json/example");
        assertEquals("urn:roomgate:problem:idempotency-key-reused", reused.path("type").asText(), reused.toString());
        JsonNode unavailable = paths.at("/~1api~1v1~1stats/get/responses/503/content/application~1problem+json/example");
        assertEquals("urn:roomgate:problem:unavailable", unavailable.path("type").asText(), unavailable.toString());
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static boolean hasExample(OpenApiDocument document, JsonNode media) {
        return document.exampleOf(media).isPresent();
    }

    /** Every value under an {@code example}/{@code examples} key, down to its leaves. */
    private static void walkExamples(JsonNode node, String at, List<String> placeholders) {
        node.fields().forEachRemaining(field -> {
            String here = at + "/" + field.getKey();
            if (field.getKey().equals("example") || field.getKey().equals("examples")) {
                leaves(field.getValue(), here, placeholders);
            } else {
                walkExamples(field.getValue(), here, placeholders);
            }
        });
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walkExamples(node.get(i), at + "/" + i, placeholders);
            }
        }
    }

    private static void leaves(JsonNode value, String at, List<String> placeholders) {
        if (value.isTextual() && PLACEHOLDERS.contains(value.asText())) {
            placeholders.add(at + ": \"" + value.asText() + "\"");
        }
        value.fields().forEachRemaining(field -> leaves(field.getValue(), at + "/" + field.getKey(), placeholders));
        for (int i = 0; value.isArray() && i < value.size(); i++) {
            leaves(value.get(i), at + "/" + i, placeholders);
        }
    }

    /** What generators and Swagger UI put where a schema has no example: type names and their stock values. */
    private static final Set<String> PLACEHOLDERS = Set.of("string", "integer", "number", "boolean", "object", "array",
            "uuid", "date-time", "date", "3fa85f64-5717-4562-b3fc-2c963f66afa6", "2019-08-24T14:15:22Z", "user@example.com");

    @Test
    void shouldDescribeStrokeDataAsAnyJsonObjectNotAsJacksonsNodeClass() {
        OpenApiDocument document = OpenApiDocument.fetch();
        JsonNode schemas = document.root().path("components").path("schemas");
        for (String schema : List.of("StrokeRequest", "Stroke")) {
            JsonNode data = document.resolve(schemas.path(schema).path("properties").path("data"));
            assertEquals("object", data.path("type").asText(), schema + ".data: " + data);
            assertTrue(data.path("properties").isMissingNode(), schema + ".data: " + data);
        }
        assertTrue(schemas.path("JsonNode").isMissingNode(), "a generated client would type data as Jackson's JsonNode");
    }

    @Test
    void shouldNotReferToFilesTheRepositoryDoesNotHave() {
        JsonNode document = OpenApiDocument.fetch().root();
        String description = document.path("info").path("description").asText();
        assertTrue(description.contains("docs/policy.md"), description);
        assertTrue(!document.toString().contains("API.md"), "the repository has no API.md");
    }
}
