package org.roomgate.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.roomgate.openapi.OpenApiDocument.Op;

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
    void shouldNotReferToFilesTheRepositoryDoesNotHave() {
        String description = OpenApiDocument.fetch().root().path("info").path("description").asText();
        assertTrue(description.contains("docs/policy.md"), description);
        assertTrue(!description.contains("API.md"), "the repository has no API.md: " + description);
    }
}
