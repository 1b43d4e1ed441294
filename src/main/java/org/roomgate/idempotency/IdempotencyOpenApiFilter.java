package org.roomgate.idempotency;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import org.roomgate.problem.ProblemResponsesFilter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Describes the {@value Idempotent#HEADER} header once, as a shared parameter, and gives every
 * operation that refers to it the 409 and 422 of the draft and the replay header.
 */
@OpenApiFilter
public class IdempotencyOpenApiFilter implements OASFilter {

    private static final String REFERENCE = "#/components/parameters/" + Idempotent.HEADER;
    private static final String IN_USE = "idempotency-key-in-use: a request with this Idempotency-Key is still being processed";
    private static final String REUSED = "idempotency-key-reused: this Idempotency-Key came with a different request";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addParameter(Idempotent.HEADER, OASFactory.createParameter()
                .name(Idempotent.HEADER).in(Parameter.In.HEADER).required(false)
                .description("Optional (draft-ietf-httpapi-idempotency-key-header): a retry with the same key, from the "
                        + "same caller, within roomgate.idempotency.window gets the first success again (header "
                        + IdempotencyInterceptor.REPLAYED_HEADER + ": true) and nothing is done twice; 1–255 visible ASCII "
                        + "characters, quoted or not. Errors are not stored: their retry runs again.")
                .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)
                        .maxLength(IdempotencyKey.MAX_LENGTH))
                .example("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            Map<?, Operation> operations = item.getOperations();
            operations.values().stream().filter(IdempotencyOpenApiFilter::takesKey).forEach(this::addResponses);
        });
    }

    private static boolean takesKey(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> REFERENCE.equals(p.getRef()));
    }

    private void addResponses(Operation operation) {
        APIResponses responses = operation.getResponses();
        add(responses, "409", IN_USE);
        add(responses, "422", REUSED);
    }

    private static void add(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(ProblemResponsesFilter.problemContent()));
        } else {
            existing.setDescription(existing.getDescription() + "; or " + description);
        }
    }
}
