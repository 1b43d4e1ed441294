package org.roomgate.backend.bbb;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.backend.BackendCheck;
import org.roomgate.backend.BackendKind;
import org.roomgate.backend.BackendSettings;
import org.roomgate.backend.BackendUnavailable;
import org.roomgate.backend.ConnectionCheck;
import org.roomgate.backend.ConnectionCheck.Items;
import org.roomgate.backend.MeetingRoom;
import org.roomgate.backend.Probe;
import org.roomgate.problem.Problem;
import org.roomgate.problem.ProblemType;

/**
 * A BigBlueButton server as roomgate uses it: bbb-web's API answers, accepts the stored secret
 * with the tenant's algorithm, and bbb-webhooks answers its own API. bbb-webhooks tells no
 * version; what can be seen is which checksum algorithms its API takes: SHA-1 only is 2.x, whose
 * deliveries roomgate cannot verify. Whether a 3.x signs its deliveries over the form body
 * (3.4.0 and later) or over a constant (3.0–3.3) shows only in a delivery, so that item is unknown.
 */
@ApplicationScoped
public class BbbCheck implements BackendCheck {

    static final String API = "api-reachable";
    static final String CHECKSUM = "checksum-accepted";
    static final String HOOKS = "hooks-module";
    static final String DELIVERY = "hooks-delivery-checksum";

    @Override
    public BackendKind kind() {
        return BackendKind.BIGBLUEBUTTON;
    }

    @Override
    public List<Problem.Check> check(BackendSettings settings, ConnectionCheck.Request request, Probe probe) {
        Items items = new Items();
        String base = BbbClient.apiBase(settings);
        String root = base.substring(0, base.length() - 1);
        BbbResponse index = answer(probe, URI.create(root), items, API, CHECKSUM, HOOKS, DELIVERY)
                .orElseThrow(() -> items.fail(ProblemType.BACKEND_ANSWER_INVALID, API, root
                        + " does not answer as BigBlueButton's API: is the URL the API base (https://…/bigbluebutton/)?",
                        CHECKSUM, HOOKS, DELIVERY));
        String version = index.field("bbbVersion");
        items.ok(API, root + " answers as BigBlueButton" + (version == null || version.isBlank() ? "" : " " + version));

        BbbChecksum algorithm = BbbChecksum.valueOf(settings.checksum());
        BbbQuery probeMeeting = new BbbQuery().add("meetingID", probeMeeting(settings));
        Optional<BbbResponse> running = answer(probe, BbbClient.url(settings, "isMeetingRunning", probeMeeting), items,
                CHECKSUM, HOOKS, DELIVERY);
        if (running.isEmpty() || !running.get().success()) {
            String seen = running.map(r -> "answers " + r.messageKey()).orElse("does not answer as BigBlueButton");
            throw items.fail(ProblemType.BACKEND_SECRET_REJECTED, CHECKSUM, "bbb-web " + seen + " to a " + algorithm
                    + " checksum made with the stored secret: the secret differs from `bbb-conf --secret`, or " + algorithm
                    + " is not among supportedChecksumAlgorithms", HOOKS, DELIVERY);
        }
        items.ok(CHECKSUM, "bbb-web accepts a " + algorithm + " checksum made with the stored secret");

        hooks(settings, algorithm, probe, items);
        items.unknown(DELIVERY, "bbb-webhooks does not tell its version. Only 3.4.0 and later sign a delivery over its "
                + "form body as roomgate checks (2.6 over a JSON string, 3.0–3.3 over \"{}\"); with an older one every "
                + "delivery is refused (401), which bbb-webhooks counts as delivered, so events are lost silently. "
                + "Check `dpkg -s bbb-webhooks` on the server, and that bbb.auth2_0 is false.");
        return items.list();
    }

    /** hooks/list with a SHA-2 checksum, and with SHA-1 when that is refused: 2.x takes SHA-1 only. */
    private static void hooks(BackendSettings settings, BbbChecksum algorithm, Probe probe, Items items) {
        BbbChecksum sha2 = algorithm == BbbChecksum.SHA1 ? BbbChecksum.SHA256 : algorithm;
        Optional<BbbResponse> list = answer(probe, hooksList(settings, sha2), items, HOOKS, DELIVERY);
        if (list.isEmpty()) {
            throw items.fail(ProblemType.BACKEND_HOOKS_MISSING, HOOKS, "hooks/list is not answered by bbb-webhooks: "
                    + "install it on the BigBlueButton server (apt-get install bbb-webhooks)", DELIVERY);
        }
        if (list.get().success()) {
            items.ok(HOOKS, "bbb-webhooks answers hooks/list with " + sha2 + " checksums");
            return;
        }
        Optional<BbbResponse> sha1 = answer(probe, hooksList(settings, BbbChecksum.SHA1), items, HOOKS, DELIVERY);
        if (sha1.isPresent() && sha1.get().success()) {
            throw items.fail(ProblemType.BACKEND_HOOKS_OUTDATED, HOOKS, "bbb-webhooks takes SHA1 checksums only: it is "
                    + "2.x, which signs deliveries in a way roomgate cannot verify; install bbb-webhooks 3.4.0 or later",
                    DELIVERY);
        }
        throw items.fail(ProblemType.BACKEND_SECRET_REJECTED, HOOKS, "bbb-webhooks answers "
                + list.get().messageKey() + " although bbb-web accepts the stored secret: its bbb.sharedSecret differs",
                DELIVERY);
    }

    private static URI hooksList(BackendSettings settings, BbbChecksum algorithm) {
        BackendSettings with = new BackendSettings(settings.tenantId(), settings.kind(), settings.url(), null, null, null,
                null, null, algorithm.name(), settings.secret());
        return BbbClient.url(with, "hooks/list", new BbbQuery().add("meetingID", probeMeeting(settings)));
    }

    /** A meeting id of the tenant's that no room has: the answers say nothing about anyone's meeting. */
    private static String probeMeeting(BackendSettings settings) {
        return MeetingRoom.meetingId(settings.tenantId(), new UUID(0, 0));
    }

    /** BigBlueButton's XML answer; empty for another status or other content; unreachable ends the check. */
    private static Optional<BbbResponse> answer(Probe probe, URI uri, Items items, String item, String... notReached) {
        Probe.Answer answer;
        try {
            answer = probe.send(HttpRequest.newBuilder(uri).GET().build());
        } catch (Probe.Unreachable e) {
            throw items.fail(ProblemType.BACKEND_UNREACHABLE, item, uri.getScheme() + "://" + uri.getAuthority() + ": "
                    + e.getMessage(), notReached);
        }
        if (answer.status() != 200) {
            return Optional.empty();
        }
        try {
            return Optional.of(BbbResponse.parse(answer.body()));
        } catch (BackendUnavailable e) {
            return Optional.empty();
        }
    }
}
