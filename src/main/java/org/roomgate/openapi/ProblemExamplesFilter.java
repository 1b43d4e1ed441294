package org.roomgate.openapi;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.roomgate.problem.Problem;
import org.roomgate.problem.ProblemType;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Gives every error response an example problem of its own status and type, so that Swagger UI
 * shows the 404 of an operation as a {@code not-found} problem instead of the schema's one example.
 * The type is the first problem name of the response's description ("room-full, or …"), which the
 * resources write in that form; a description without one gets the status's general type.
 */
// Last of all filters (the default priority is 1): after the start-up ones that add error responses too.
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUN, priority = 0)
public class ProblemExamplesFilter implements OASFilter {

    private static final Pattern LEADING_NAME = Pattern.compile("^([a-z]+(?:-[a-z]+)*)\\b");
    private static final Pattern RULE = Pattern.compile("\\b(R\\d{1,2})\\b");

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return operation;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.matches("[45]\\d\\d")) {
                exampleFor(Integer.parseInt(status), response);
            }
        });
        return operation;
    }

    private static void exampleFor(int status, APIResponse response) {
        String description = response.getDescription() == null ? "" : response.getDescription();
        if (response.getContent() == null) {
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref("Problem"))));
        }
        MediaType problem = response.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (problem == null || problem.getExample() != null || problem.getExamples() != null) {
            return;
        }
        ProblemType type = named(description, status).orElse(ProblemType.forStatus(status));
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", type.uri().toString());
        example.put("title", type.title());
        example.put("status", status);
        example.put("detail", detail(description, type));
        Matcher rule = RULE.matcher(ownClause(description, type));
        if (rule.find()) {
            example.put("rule", rule.group(1));
        }
        problem.setExample(example);
    }

    private static Optional<ProblemType> named(String description, int status) {
        Matcher name = LEADING_NAME.matcher(description);
        if (!name.find()) {
            return Optional.empty();
        }
        return Arrays.stream(ProblemType.values())
                .filter(t -> t.slug().equals(name.group(1)) && t.status() == status)
                .findFirst();
    }

    /** The description up to the next problem name: a rule named after that one is not this type's. */
    private static String ownClause(String description, ProblemType type) {
        String rest = description.startsWith(type.slug()) ? description.substring(type.slug().length()) : "";
        int end = Arrays.stream(ProblemType.values())
                .mapToInt(other -> rest.indexOf(other.slug()))
                .filter(at -> at >= 0)
                .min().orElse(rest.length());
        return rest.substring(0, end);
    }

    /** The description's explanation after "name:", else the type's title. */
    private static String detail(String description, ProblemType type) {
        String prefix = type.slug() + ":";
        if (description.startsWith(prefix) && description.length() > prefix.length()) {
            String rest = description.substring(prefix.length()).strip();
            return Character.toUpperCase(rest.charAt(0)) + rest.substring(1) + (rest.endsWith(".") ? "" : ".");
        }
        return type.title() + ".";
    }
}
