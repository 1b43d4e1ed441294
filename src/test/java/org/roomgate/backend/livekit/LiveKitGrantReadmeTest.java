package org.roomgate.backend.livekit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.roomgate.consent.Capability;
import org.roomgate.support.ReadmeTable;

/** LiveKit's capability mapping is one table in code (LiveKitGrant), and the README shows the same. */
class LiveKitGrantReadmeTest {

    @Test
    void shouldShowTheMappingTableAsTheCodeHasIt() {
        Map<String, Set<String>> code = new LinkedHashMap<>();
        for (Capability capability : Capability.values()) {
            Set<String> grant = new LinkedHashSet<>();
            for (LiveKitGrant g : LiveKitGrant.values()) {
                if (g.capability == capability) {
                    if (g.source != null) {
                        grant.add("canPublishSources");
                        grant.add(g.source);
                    } else {
                        grant.add(g == LiveKitGrant.DATA ? "canPublishData: true" : "canUpdateOwnMetadata: true");
                    }
                }
            }
            code.put(capability.name(), grant);
        }

        assertEquals(code, ReadmeTable.rows("## Connecting LiveKit", "| roomgate capability | LiveKit grant |"));
    }
}
