package org.roomgate.retention;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long conference metadata is kept (R8). Its bounds are checked at start by
 * {@link RetentionConfigCheck}, not by Bean Validation annotations ({@code SettingBounds} says why).
 */
@ConfigMapping(prefix = "roomgate.retention")
public interface RetentionConfig {

    /** The most R8 allows: metadata is deleted at the latest seven days after it was recorded. */
    Duration HARD_LIMIT = Duration.ofDays(7);

    /**
     * How long join/leave metadata and closed rooms are kept after the room closed. It can be
     * set lower, never above {@code P7D}: the service refuses to start then.
     */
    @WithDefault("P7D")
    Duration metadata();

    /** How often metadata past retention is purged. */
    @WithDefault("1m")
    String purgeInterval();
}
