package org.roomgate.content;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of shared content and the wipe's pace. */
@ConfigMapping(prefix = "roomgate")
public interface ContentConfig {

    Files files();

    Wipe wipe();

    interface Files {
        /** The largest file a participant may share. */
        @WithDefault("20M")
        MemorySize maxSize();
    }

    interface Wipe {
        /** How often closed rooms are looked for and their content deleted. */
        @WithDefault("10s")
        String interval();
    }
}
