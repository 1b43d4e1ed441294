package org.roomgate.consent;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.as;
import static org.roomgate.support.Api.consent;
import static org.roomgate.support.Api.grantConsent;
import static org.roomgate.support.Api.newKey;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newTenant;
import static org.roomgate.support.Api.publishPolicy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;
import org.roomgate.support.TestClock;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConsentResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String DEFAULT_SUBJECT = "p-4711";
    private static final String DEFAULT_VERSION = "2020-11-19";

    @Inject
    ConsentService consentService;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldGrantConsentAsActive() {
        String platform = newPlatformWithPolicy().key();
        as(platform).body(Map.of("policyVersion", DEFAULT_VERSION,
                        "grantedBy", Map.of("name", "Erika Mustermann", "relation", "GUARDIAN"),
                        "scopes", List.of("VIDEO", "AUDIO", "CHAT"), "purposes", List.of("LESSON"),
                        "validUntil", "2099-07-31"))
                .put("/api/v1/subjects/{s}/consent", DEFAULT_SUBJECT)
                .then().statusCode(200)
                .body("id", notNullValue())
                .body("subjectId", equalTo(DEFAULT_SUBJECT))
                .body("policyVersion", equalTo(DEFAULT_VERSION))
                .body("grantedBy.name", equalTo("Erika Mustermann"))
                .body("grantedBy.relation", equalTo("GUARDIAN"))
                .body("scopes", contains("VIDEO", "AUDIO", "CHAT"))
                .body("purposes", contains("LESSON"))
                .body("validUntil", equalTo("2099-07-31"))
                .body("grantedAt", notNullValue())
                .body("status", equalTo("ACTIVE"));
        as(platform).get("/api/v1/subjects/{s}/consent", DEFAULT_SUBJECT)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("scopes", hasSize(3));
    }

    @Test
    void shouldKeepEveryVersionAndTheWithdrawalInHistory() {
        String platform = newPlatformWithPolicy().key();
        grantConsent(platform, DEFAULT_SUBJECT, DEFAULT_VERSION, ALL_SCOPES, ALL_PURPOSES);
        grantConsent(platform, DEFAULT_SUBJECT, DEFAULT_VERSION, List.of("AUDIO"), List.of("LESSON"));
        as(platform).get("/api/v1/subjects/{s}/consent/history", DEFAULT_SUBJECT)
                .then().statusCode(200).body("", hasSize(2))
                .body("status", contains("SUPERSEDED", "ACTIVE"));

        as(platform).delete("/api/v1/subjects/{s}/consent", DEFAULT_SUBJECT).then().statusCode(204);

        as(platform).get("/api/v1/subjects/{s}/consent", DEFAULT_SUBJECT)
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:not-found"));
        as(platform).get("/api/v1/subjects/{s}/consent/history", DEFAULT_SUBJECT)
                .then().statusCode(200).body("", hasSize(3))
                .body("kind", contains("GRANT", "GRANT", "WITHDRAWAL"))
                .body("status", contains("SUPERSEDED", "WITHDRAWN", "WITHDRAWN"))
                .body("[0].scopes", hasSize(8))
                .body("[2].withdrawnAt", notNullValue());
        // Withdrawing again changes nothing.
        as(platform).delete("/api/v1/subjects/{s}/consent", DEFAULT_SUBJECT).then().statusCode(204);
        as(platform).get("/api/v1/subjects/{s}/consent/history", DEFAULT_SUBJECT).then().body("", hasSize(3));
    }

    @Test
    void shouldRefuseWithdrawalOfSubjectWithoutConsent() {
        as(newPlatformWithPolicy().key()).delete("/api/v1/subjects/{s}/consent", "nobody")
                .then().statusCode(404).body("type", equalTo("urn:roomgate:problem:not-found"));
    }

    @Test
    void shouldRefuseConsentBeforeAnyPolicyExists() {
        String platform = newKey(newTenant(), "platform");
        as(platform).body(consent(DEFAULT_VERSION, ALL_SCOPES, ALL_PURPOSES))
                .put("/api/v1/subjects/{s}/consent", DEFAULT_SUBJECT)
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:conflict"));
        as(platform).get("/api/v1/subjects/{s}/consent/history", DEFAULT_SUBJECT).then().body("", hasSize(0));
    }

    @Test
    void shouldRefuseUnknownPolicyVersion() {
        String platform = newPlatformWithPolicy().key();
        as(platform).body(consent("1999-01-01", ALL_SCOPES, ALL_PURPOSES))
                .put("/api/v1/subjects/{s}/consent", DEFAULT_SUBJECT)
                .then().statusCode(400).body("errors.field", contains("policyVersion"));
        as(platform).get("/api/v1/subjects/{s}/consent/history", DEFAULT_SUBJECT).then().body("", hasSize(0));
    }

    @Test
    void shouldRejectBadInputWithFieldErrorsAndStoreNothing() {
        String platform = newPlatformWithPolicy().key();
        assertInvalid(platform, DEFAULT_SUBJECT, with("scopes", List.of("VIDEO", "TELEPORT")), "scopes[1]");
        assertInvalid(platform, DEFAULT_SUBJECT, with("scopes", List.of("RECORD")), "scopes[0]");
        assertInvalid(platform, DEFAULT_SUBJECT, with("scopes", List.of("MODERATE")), "scopes");
        assertInvalid(platform, DEFAULT_SUBJECT, with("purposes", List.of()), "purposes");
        assertInvalid(platform, DEFAULT_SUBJECT, with("scopes", List.of()), "scopes");
        assertInvalid(platform, DEFAULT_SUBJECT, with("purposes", List.of("PARTY")), "purposes[0]");
        assertInvalid(platform, DEFAULT_SUBJECT, with("grantedBy", Map.of("relation", "GUARDIAN")), "grantedBy.name");
        assertInvalid(platform, DEFAULT_SUBJECT, with("grantedBy", Map.of("name", "X", "relation", "NEIGHBOUR")),
                "grantedBy.relation");
        assertInvalid(platform, DEFAULT_SUBJECT, with("validUntil", "2001-01-01"), "validUntil");
        assertInvalid(platform, DEFAULT_SUBJECT, with("validUntil", "not-a-date"), "validUntil");
        assertInvalid(platform, "bad subject!", consent(DEFAULT_VERSION, ALL_SCOPES, ALL_PURPOSES), "subjectId");
        assertInvalid(platform, "x".repeat(129), consent(DEFAULT_VERSION, ALL_SCOPES, ALL_PURPOSES), "subjectId");

        as(platform).get("/api/v1/subjects/{s}/consent/history", DEFAULT_SUBJECT).then().body("", hasSize(0));
    }

    @Test
    void shouldStopCountingOutdatedConsentAfterPolicyRequiringReconsent() {
        var fixture = newPlatformWithPolicy();
        String platform = fixture.key();
        String tenant = fixture.tenantId();
        grantConsent(platform, DEFAULT_SUBJECT, DEFAULT_VERSION, ALL_SCOPES, ALL_PURPOSES);
        assertEquals(EnumSet.copyOf(Capability.CONSENTABLE),
                consentService.allowedScopes(tenant, DEFAULT_SUBJECT, Purpose.LESSON));

        // A minor revision carries consents over ...
        publishPolicy(platform, "2021-02-01", false);
        assertEquals(8, consentService.allowedScopes(tenant, DEFAULT_SUBJECT, Purpose.LESSON).size());

        // ... a revision requiring re-consent does not.
        publishPolicy(platform, "2022-08-01", true);
        DomainException outdated = assertThrows(DomainException.class,
                () -> consentService.allowedScopes(tenant, DEFAULT_SUBJECT, Purpose.LESSON));
        assertEquals(ProblemType.CONSENT_OUTDATED, outdated.type());
        as(platform).get("/api/v1/subjects/{s}/consent", DEFAULT_SUBJECT)
                .then().statusCode(200).body("status", equalTo("OUTDATED"));
        // Consenting to the superseded version is refused; to the current one it counts again.
        as(platform).body(consent(DEFAULT_VERSION, ALL_SCOPES, ALL_PURPOSES))
                .put("/api/v1/subjects/{s}/consent", DEFAULT_SUBJECT)
                .then().statusCode(400).body("errors.field", contains("policyVersion"));
        grantConsent(platform, DEFAULT_SUBJECT, "2022-08-01", List.of("AUDIO"), List.of("LESSON"));
        assertEquals(EnumSet.of(Capability.AUDIO), consentService.allowedScopes(tenant, DEFAULT_SUBJECT, Purpose.LESSON));
    }

    @Test
    void shouldRefuseJoinDecisionForPurposeNotCoveredOrMissingConsent() {
        var fixture = newPlatformWithPolicy();
        String platform = fixture.key();
        String tenant = fixture.tenantId();
        assertEquals(ProblemType.CONSENT_MISSING, assertThrows(DomainException.class,
                () -> consentService.allowedScopes(tenant, DEFAULT_SUBJECT, Purpose.LESSON)).type());
        grantConsent(platform, DEFAULT_SUBJECT, DEFAULT_VERSION, ALL_SCOPES, List.of("LESSON"));
        assertEquals(ProblemType.CONSENT_PURPOSE, assertThrows(DomainException.class,
                () -> consentService.allowedScopes(tenant, DEFAULT_SUBJECT, Purpose.ONE_TO_ONE)).type());
        as(platform).delete("/api/v1/subjects/{s}/consent", DEFAULT_SUBJECT).then().statusCode(204);
        assertEquals(ProblemType.CONSENT_MISSING, assertThrows(DomainException.class,
                () -> consentService.allowedScopes(tenant, DEFAULT_SUBJECT, Purpose.LESSON)).type());
    }

    @Test
    void shouldLetConsentExpireAfterValidUntil() {
        var fixture = newPlatformWithPolicy();
        String platform = fixture.key();
        String tenant = fixture.tenantId();
        String lastDay = LocalDate.now().plusDays(2).toString();
        as(platform).body(with("validUntil", lastDay)).put("/api/v1/subjects/{s}/consent", DEFAULT_SUBJECT)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));

        clock.advance(Duration.ofDays(4));

        as(platform).get("/api/v1/subjects/{s}/consent", DEFAULT_SUBJECT).then().statusCode(404);
        as(platform).get("/api/v1/subjects/{s}/consent/history", DEFAULT_SUBJECT)
                .then().body("status", contains("EXPIRED"));
        assertEquals(ProblemType.CONSENT_MISSING, assertThrows(DomainException.class,
                () -> consentService.allowedScopes(tenant, DEFAULT_SUBJECT, Purpose.LESSON)).type());
    }

    @Test
    void shouldLetOnlyTheTenantsPlatformKeyTouchConsents() {
        String tenant = newTenant();
        String platform = newKey(tenant, "platform");
        publishPolicy(platform, DEFAULT_VERSION, true);
        grantConsent(platform, DEFAULT_SUBJECT, DEFAULT_VERSION, ALL_SCOPES, ALL_PURPOSES);

        as(newKey(tenant, "dashboard")).get("/api/v1/subjects/{s}/consent", DEFAULT_SUBJECT)
                .then().statusCode(403).body("type", equalTo("urn:roomgate:problem:forbidden"));
        String otherPlatform = newPlatformWithPolicy().key();
        as(otherPlatform).get("/api/v1/subjects/{s}/consent", DEFAULT_SUBJECT)
                .then().statusCode(404).body("type", equalTo("urn:roomgate:problem:not-found"));
        as(otherPlatform).delete("/api/v1/subjects/{s}/consent", DEFAULT_SUBJECT).then().statusCode(404);
        as(platform).get("/api/v1/subjects/{s}/consent", DEFAULT_SUBJECT).then().statusCode(200);
    }

    @Test
    void shouldExportAndEraseSubject() {
        String platform = newPlatformWithPolicy().key();
        grantConsent(platform, DEFAULT_SUBJECT, DEFAULT_VERSION, ALL_SCOPES, ALL_PURPOSES);
        as(platform).delete("/api/v1/subjects/{s}/consent", DEFAULT_SUBJECT).then().statusCode(204);
        grantConsent(platform, "p-other", DEFAULT_VERSION, ALL_SCOPES, ALL_PURPOSES);

        as(platform).get("/api/v1/subjects/{s}/data", DEFAULT_SUBJECT).then().statusCode(200)
                .body("subjectId", equalTo(DEFAULT_SUBJECT))
                .body("consents", hasSize(2))
                .body("consents[0].grantedBy.name", equalTo("Erika Mustermann"));

        as(platform).delete("/api/v1/subjects/{s}", DEFAULT_SUBJECT).then().statusCode(200)
                .body("deleted.consents", equalTo(2));

        as(platform).get("/api/v1/subjects/{s}/data", DEFAULT_SUBJECT).then().statusCode(200)
                .body("consents", hasSize(0));
        as(platform).get("/api/v1/subjects/{s}/consent", "p-other").then().statusCode(200);
    }

    @Test
    void shouldManagePolicyVersions() {
        String platform = newKey(newTenant(), "platform");
        as(platform).get("/api/v1/policy").then().statusCode(404).body("type", equalTo("urn:roomgate:problem:not-found"));
        publishPolicy(platform, "v1", true);
        publishPolicy(platform, "v2", false);
        as(platform).get("/api/v1/policy").then().statusCode(200)
                .body("version", equalTo("v2")).body("reconsentRequired", equalTo(false))
                .body("publishedAt", notNullValue());
        as(platform).body(Map.of("version", "v1", "title", "Old", "reconsentRequired", true)).put("/api/v1/policy")
                .then().statusCode(409).body("type", equalTo("urn:roomgate:problem:conflict"));
        as(platform).body(Map.of("version", "v2", "title", "Renamed", "reconsentRequired", true)).put("/api/v1/policy")
                .then().statusCode(409);
        as(platform).body(Map.of("version", "v2", "title", "Renamed", "reconsentRequired", false)).put("/api/v1/policy")
                .then().statusCode(200).body("title", equalTo("Renamed"));
        as(platform).body(Map.of("version", "v 3", "title", "")).put("/api/v1/policy")
                .then().statusCode(400).body("errors.field", hasItem("version")).body("errors.field", hasItem("title"));
        as(platform).get("/api/v1/policy").then().body("version", equalTo("v2"));
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>(consent(DEFAULT_VERSION, ALL_SCOPES, ALL_PURPOSES));
        body.put(field, value);
        return body;
    }

    private static void assertInvalid(String platform, String subject, Map<String, Object> body, String field) {
        as(platform).body(body).put("/api/v1/subjects/{s}/consent", subject)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:roomgate:problem:validation-failed"))
                .body("errors.field", hasItem(field));
    }
}
