package org.roomgate.room;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The real auto-close scheduler, every second (the test profile switches it off elsewhere). */
public class ShortAutoCloseProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("roomgate.rooms.auto-close-interval", "1s");
    }
}
