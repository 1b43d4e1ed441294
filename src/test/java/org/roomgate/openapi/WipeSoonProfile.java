package org.roomgate.openapi;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The real wipe scheduler, every second (the test profile switches it off elsewhere), as the README's walk waits for it. */
public class WipeSoonProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("roomgate.wipe.interval", "1s");
    }
}
