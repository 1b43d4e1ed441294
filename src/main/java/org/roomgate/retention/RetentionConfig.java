package org.roomgate.retention;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long conference metadata is kept (R8). */
@ConfigMapping(prefix = "roomgate.retention")
public interface RetentionConfig {

    /** The most R8 allows: metadata is deleted at the latest seven days after it was recorded. */
    Duration HARD_LIMIT = Duration.ofDays(7);

    /**
     * How long join/leave metadata and closed rooms are kept after the room closed. It can be
     * set lower, never above {@code P7D}: the service refuses to start then.
     */
    @WithDefault("P7D")
    @DurationMax(days = 7, message = "must be at most P7D: rule R8 allows conference metadata to be kept for at most 7 days")
    @DurationMin(nanos = 0, message = "must not be negative")
    Duration metadata();

    /** How often metadata past retention is purged. */
    @WithDefault("1m")
    String purgeInterval();
}
