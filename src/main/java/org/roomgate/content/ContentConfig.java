package org.roomgate.content;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of shared content and the wipe's pace. */
@ConfigMapping(prefix = "roomgate")
public interface ContentConfig {

    Files files();

    Wipe wipe();

    Whiteboard whiteboard();

    interface Files {
        /** The largest file a participant may share. */
        @WithDefault("20M")
        MemorySize maxSize();

        /** The most files one room may hold; one more is refused (409 quota-exceeded). */
        @WithDefault("100")
        int maxPerRoom();
    }

    /** The whiteboard's bounds. */
    interface Whiteboard {
        /** The most strokes one room may hold; one more is refused (409 quota-exceeded). */
        @WithDefault("1000")
        int maxStrokesPerRoom();
    }

    interface Wipe {
        /** How often closed rooms are looked for and their content deleted. */
        @WithDefault("10s")
        String interval();
    }
}
