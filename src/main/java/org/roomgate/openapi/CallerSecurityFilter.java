package org.roomgate.openapi;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.roomgate.problem.ProblemResponsesFilter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Says on every secured operation which kinds of credential it accepts, derived from the code's
 * own authorisation: Quarkus adds a security requirement to each operation with
 * {@code @RolesAllowed} (method or class) whose scopes are the allowed roles (OpenAPI 3.1); this
 * filter turns each role into its caller's scheme ({@link CallerScheme}), one alternative each.
 * A role without a scheme, or a requirement that names no role, fails the build, so a new
 * endpoint cannot appear in the document with a credential nobody can tell.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = ProblemResponsesFilter.PRIORITY + 10)
public class CallerSecurityFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        declareSchemes(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                Set<CallerScheme> callers = callersOf(operation.getSecurity(), method + " " + path);
                operation.setSecurity(callers.stream().map(CallerSecurityFilter::requirement).toList());
                describeSecurityFailures(operation, callers);
            }
        }));
    }

    private static void declareSchemes(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        for (CallerScheme caller : CallerScheme.values()) {
            components.addSecurityScheme(caller.schemeName(), OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .bearerFormat(caller == CallerScheme.PARTICIPANT ? "JWT" : null)
                    .description(caller.description()));
        }
    }

    private static Set<CallerScheme> callersOf(List<SecurityRequirement> requirements, String operation) {
        Set<CallerScheme> callers = EnumSet.noneOf(CallerScheme.class);
        for (SecurityRequirement requirement : requirements) {
            for (Map.Entry<String, List<String>> scheme : requirement.getSchemes().entrySet()) {
                List<String> roles = scheme.getValue() == null ? List.of() : scheme.getValue();
                if (roles.isEmpty()) {
                    callers.add(CallerScheme.forSchemeName(scheme.getKey()).orElseThrow(() -> new IllegalStateException(
                            operation + " requires the security scheme '" + scheme.getKey() + "', which is no caller's: "
                                    + "drop that @SecurityRequirement, the schemes follow from @RolesAllowed")));
                }
                for (String role : roles) {
                    callers.add(CallerScheme.forRole(role).orElseThrow(() -> new IllegalStateException(
                            operation + " allows role '" + role + "', which has no security scheme in CallerScheme")));
                }
            }
        }
        return callers;
    }

    private static SecurityRequirement requirement(CallerScheme caller) {
        return OASFactory.createSecurityRequirement().addScheme(caller.schemeName());
    }

    /** 401 and 403 name the credentials this operation takes, unless the resource describes them itself. */
    private static void describeSecurityFailures(Operation operation, Set<CallerScheme> callers) {
        String accepted = callers.stream().map(CallerScheme::schemeName).collect(Collectors.joining(", "));
        describe(operation, "401", "unauthenticated", "unauthenticated: no credential, or not a valid " + accepted);
        describe(operation, "403", "forbidden", "forbidden: a valid credential of another kind; this operation accepts "
                + accepted);
    }

    private static void describe(Operation operation, String status, String problem, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponse response = operation.getResponses().getAPIResponse(status);
        if (response != null && response.getDescription() != null && response.getDescription().contains(problem)) {
            return;
        }
        // A new object: Quarkus shares one generic 401 and one 403 among all operations.
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(response == null ? null : response.getContent()));
    }
}
