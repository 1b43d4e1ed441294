package org.roomgate.backend.jitsi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.roomgate.support.ReadmeTable;

/** Jitsi's feature mapping is one table in code (JitsiFeature), and the README shows the same. */
class JitsiFeatureReadmeTest {

    @Test
    void shouldShowTheFeatureTableAsTheCodeHasIt() {
        Map<String, Set<String>> code = new LinkedHashMap<>();
        for (JitsiFeature f : JitsiFeature.values()) {
            code.put(f.key, Set.of(f.capability == null ? "\"false\"" : f.capability.name()));
        }

        assertEquals(code, ReadmeTable.rows("## Connecting Jitsi", "| `context.features` key | value |"));
    }
}
