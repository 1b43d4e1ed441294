package org.roomgate.problem;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents the problem responses that every operation shares, so resources only declare the
 * ones that are particular to them: 401 and 403 on every secured operation, 400 wherever there
 * is input to validate, 503 everywhere (a database outage); and gives every error response the
 * problem+json schema.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = ProblemResponsesFilter.PRIORITY)
public class ProblemResponsesFilter implements OASFilter {

    /** Build-time filters run highest priority first: this one after the security schemes. */
    public static final int PRIORITY = 20;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            Map<?, Operation> operations = item.getOperations();
            operations.values().forEach(this::addSharedProblems);
        });
    }

    private void addSharedProblems(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.matches("[45]\\d\\d") && response.getContent() == null) {
                response.setContent(problemContent());
            }
        });
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            addIfAbsent(responses, "401", "unauthenticated: no or invalid credential");
            addIfAbsent(responses, "403", "forbidden: this credential's role may not do this");
        }
        addIfAbsent(responses, "503", "unavailable: the database cannot serve now; retry after the Retry-After header's seconds");
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (hasInput) {
            addIfAbsent(responses, "400", "validation-failed: malformed JSON, wrong types or constraint violations (field list in `errors`)");
        }
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }

    /** The problem+json content of an error response, for the filters that add their own. */
    public static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }
}
