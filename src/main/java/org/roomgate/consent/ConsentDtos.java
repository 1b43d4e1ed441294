package org.roomgate.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the policy and consent API. */
public final class ConsentDtos {

    private ConsentDtos() {
    }

    @Schema(name = "PolicyRequest", example = """
            {"version":"2020-11-19","title":"Nutzungsordnung Videokonferenzen",
             "url":"https://schule.example/nutzungsordnung.pdf","reconsentRequired":true}""")
    public record PolicyRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must match [A-Za-z0-9._-]+") String version,
            @NotBlank @Size(max = 300) String title,
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
            @Schema(description = "Whether consents for earlier versions stop counting; default true") Boolean reconsentRequired) {
    }

    @Schema(name = "Policy", example = """
            {"version":"2020-11-19","title":"Nutzungsordnung Videokonferenzen",
             "url":"https://schule.example/nutzungsordnung.pdf","reconsentRequired":true,"publishedAt":"2026-03-02T07:42:04.948235Z"}""")
    public record PolicyView(String version, String title, String url, boolean reconsentRequired, Instant publishedAt) {
        static PolicyView of(PolicyVersion policy) {
            return new PolicyView(policy.version(), policy.title, policy.url, policy.reconsentRequired, policy.publishedAt);
        }
    }

    public record GrantedBy(
            @NotBlank @Size(max = 200) @Schema(example = "Erika Mustermann") String name,
            @NotNull Relation relation) {
    }

    @Schema(name = "ConsentRequest", example = """
            {"policyVersion":"2020-11-19",
             "grantedBy":{"name":"Erika Mustermann","relation":"GUARDIAN"},
             "scopes":["VIDEO","AUDIO","CHAT","SCREEN_SHARE","WHITEBOARD","FILES","POLLS","STATUS"],
             "purposes":["LESSON","SMALL_GROUP","ONE_TO_ONE"],
             "validUntil":"2027-07-31"}""")
    public record ConsentRequest(
            @NotBlank @Size(max = 64) String policyVersion,
            @NotNull @Valid GrantedBy grantedBy,
            @NotEmpty List<@NotNull Capability> scopes,
            @NotEmpty List<@NotNull Purpose> purposes,
            @Schema(description = "Last day the consent holds (school time zone); optional. When it has passed, the pupil's "
                    + "open participations end within one auto-close interval (leave reason CONSENT_EXPIRED)") LocalDate validUntil) {
    }

    @Schema(name = "Consent", description = "One record of the consent history", example = """
            {"id":"0793aaa7-072e-4884-81a3-0ee194a3c55e","subjectId":"p-4711","kind":"GRANT","policyVersion":"2020-11-19",
             "grantedBy":{"name":"Erika Mustermann","relation":"GUARDIAN"},"scopes":["VIDEO","AUDIO","CHAT"],
             "purposes":["LESSON"],"validUntil":"2027-07-31","grantedAt":"2026-03-02T07:42:16.905548Z","status":"ACTIVE"}""")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentView(
            UUID id,
            String subjectId,
            @Schema(description = "GRANT or WITHDRAWAL (extension)") Consent.Kind kind,
            String policyVersion,
            GrantedBy grantedBy,
            List<Capability> scopes,
            List<Purpose> purposes,
            LocalDate validUntil,
            Instant grantedAt,
            @Schema(description = "When the consent was withdrawn (withdrawal records; extension)") Instant withdrawnAt,
            ConsentStatus status) {
    }
}
