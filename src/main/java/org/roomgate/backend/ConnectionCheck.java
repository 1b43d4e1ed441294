package org.roomgate.backend;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.Problem;
import org.roomgate.problem.ProblemType;

/**
 * What a connection check asks and answers. Items are named, come out {@code ok}, {@code unknown}
 * (roomgate cannot see it from outside), {@code not-applicable}, or {@code failed}; the first
 * failure ends the check as that failure's problem, with the items reached so far and the ones
 * left {@code skipped}. Details name URLs, algorithms, key names and statuses, never a secret.
 */
public final class ConnectionCheck {

    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String UNKNOWN = "unknown";
    public static final String SKIPPED = "skipped";
    public static final String NOT_APPLICABLE = "not-applicable";

    private ConnectionCheck() {
    }

    @Schema(name = "CheckRequest", description = "Optional; only JITSI with RS256 reads it",
            example = "{\"asapKeyServer\":\"https://roomgate.example/.well-known/asap\"}")
    public record Request(
            @Size(max = 2000) @Schema(description = "Prosody's asap_key_server exactly as configured there; default "
                    + "<roomgate.backend.public-url>/.well-known/asap") String asapKeyServer) {

        public static Request none() {
            return new Request(null);
        }
    }

    @Schema(name = "CheckReport", description = "Every item of the check passed or cannot be seen from outside",
            example = """
            {"tenantId":"kastellschule","kind":"BIGBLUEBUTTON","items":[\
            {"item":"api-reachable","outcome":"ok","detail":"https://bbb.example/bigbluebutton/api answers as BigBlueButton 3.0.4"},\
            {"item":"checksum-accepted","outcome":"ok","detail":"bbb-web accepts a SHA256 checksum made with the stored secret"},\
            {"item":"hooks-module","outcome":"ok","detail":"bbb-webhooks answers hooks/list with SHA256 checksums"},\
            {"item":"hooks-delivery-checksum","outcome":"unknown","detail":"bbb-webhooks does not tell its version ..."}]}""")
    public record Report(String tenantId, BackendKind kind, List<Problem.Check> items) {
    }

    /** The items of one check, in the order they were tried. */
    public static final class Items {

        private final List<Problem.Check> items = new ArrayList<>();

        public Items ok(String item, String detail) {
            return add(item, OK, detail);
        }

        public Items unknown(String item, String detail) {
            return add(item, UNKNOWN, detail);
        }

        public Items notApplicable(String item, String detail) {
            return add(item, NOT_APPLICABLE, detail);
        }

        /** The failure that ends the check: thrown by the caller, answered as its problem type. */
        public DomainException fail(ProblemType type, String item, String detail, String... notReached) {
            add(item, FAILED, detail);
            for (String skipped : notReached) {
                add(skipped, SKIPPED, "not tried: " + item + " failed");
            }
            return new DomainException(type, item + ": " + detail, items);
        }

        public List<Problem.Check> list() {
            return List.copyOf(items);
        }

        private Items add(String item, String outcome, String detail) {
            items.add(new Problem.Check(item, outcome, detail));
            return this;
        }
    }
}
