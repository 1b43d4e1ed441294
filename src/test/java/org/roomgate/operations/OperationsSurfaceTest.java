package org.roomgate.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsSurfaceTest {

    @Test
    void shouldReportReadinessWithDatabaseCheck() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldExposePrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void shouldDeclareBearerSchemesInOpenApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.opsKey.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/tenants'.post.security[0].opsKey", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/tenants'.post.responses.'409'.description", containsString("conflict"))
                .body("paths.'/api/v1/tenants'.post.responses.'401'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/rooms'.post.responses.'422'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body("components.schemas.Problem.properties.type", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/subjects/{subjectId}/consent'.put.responses.'403'.description", containsString("forbidden"))
                .body("paths.'/api/v1/subjects/{subjectId}/consent'.put.responses.'400'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/rooms'.post.responses.'503'.description", containsString("unavailable"))
                .body("paths.'/api/v1/rooms'.post.responses.'409'.description", containsString("quota-exceeded"))
                .body("paths.'/api/v1/rooms'.get.parameters.name", org.hamcrest.Matchers.hasItems("limit", "after"));
    }

    @Test
    void shouldServeSwaggerUi() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
