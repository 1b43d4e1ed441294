package org.roomgate.openapi;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The service's own OpenAPI document, as an integrator fetches it, walked operation by operation. */
final class OpenApiDocument {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    static OpenApiDocument fetch() {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        try {
            return new OpenApiDocument(new ObjectMapper().readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static OpenApiDocument of(JsonNode root) {
        return new OpenApiDocument(root);
    }

    JsonNode root() {
        return root;
    }

    /** One operation: its method, path template and JSON. */
    record Op(String method, String path, JsonNode node) {

        /** The security schemes it lists, each requirement one alternative. */
        Set<String> schemes() {
            Set<String> schemes = new TreeSet<>();
            node.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
            return schemes;
        }

        boolean secured() {
            return !schemes().isEmpty();
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    List<Op> operations() {
        List<Op> operations = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (HTTP_METHODS.contains(op.getKey())) {
                operations.add(new Op(op.getKey(), path.getKey(), op.getValue()));
            }
        }));
        return operations;
    }

    /**
     * The example a reader sees for a media type: its own {@code example}, its first named example,
     * or its schema's (an array's items') first example.
     */
    Optional<JsonNode> exampleOf(JsonNode media) {
        if (media.has("example")) {
            return Optional.of(media.get("example"));
        }
        if (media.path("examples").isObject() && media.path("examples").size() > 0) {
            return Optional.of(media.path("examples").elements().next().path("value"));
        }
        JsonNode schema = resolve(media.path("schema"));
        if (!schema.has("examples") && !schema.has("example") && schema.has("items")) {
            schema = resolve(schema.path("items"));
        }
        if (schema.path("examples").isArray() && schema.path("examples").size() > 0) {
            return Optional.of(schema.path("examples").get(0));
        }
        return Optional.ofNullable(schema.get("example"));
    }

    /** A {@code $ref} resolved within the document, or the node itself. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            current = root.at(ref.substring(1));
        }
        return current;
    }
}
