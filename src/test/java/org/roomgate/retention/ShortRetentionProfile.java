package org.roomgate.retention;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Retention of five seconds and a purge every second, as an operator might set it. */
public class ShortRetentionProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("roomgate.retention.metadata", "PT5S", "roomgate.retention.purge-interval", "1s");
    }
}
