package org.roomgate.content;

import static org.roomgate.support.Api.ALL_PURPOSES;
import static org.roomgate.support.Api.ALL_SCOPES;
import static org.roomgate.support.Api.grantConsent;
import static org.roomgate.support.Api.join;
import static org.roomgate.support.Api.newPlatformWithPolicy;
import static org.roomgate.support.Api.newRoom;

import java.util.List;

/** A room with every feature, a pupil with full consent and a teacher, ready to post content. */
public record ContentFixture(String platformKey, String tenantId, String roomId, String pupilToken, String teacherToken) {

    public static ContentFixture create() {
        return create(ALL_SCOPES, ALL_SCOPES);
    }

    static ContentFixture create(List<String> roomFeatures, List<String> pupilScopes) {
        var platform = newPlatformWithPolicy();
        grantConsent(platform.key(), "p-1", "2020-11-19", pupilScopes, ALL_PURPOSES);
        String room = newRoom(platform.key(), "LESSON", 10, roomFeatures);
        String pupil = join(platform.key(), room, "p-1", "PUPIL").path("token");
        String teacher = join(platform.key(), room, "t-1", "TEACHER").path("token");
        return new ContentFixture(platform.key(), platform.tenantId(), room, pupil, teacher);
    }
}
