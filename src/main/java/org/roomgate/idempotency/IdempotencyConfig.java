package org.roomgate.idempotency;

import java.time.Duration;

import org.roomgate.retention.RetentionConfig;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long an Idempotency-Key is remembered. {@link IdempotencyConfigCheck} refuses a window
 * above a day at start; a shorter metadata retention shortens it further (R8), since a stored
 * answer is metadata about its room.
 */
@ConfigMapping(prefix = "roomgate.idempotency")
public interface IdempotencyConfig {

    /** The longest window the service accepts. */
    Duration MAX_WINDOW = Duration.ofDays(1);

    /** The window in force: never longer than conference metadata is retained (R8). */
    static Duration effectiveWindow(IdempotencyConfig config, RetentionConfig retention) {
        return config.window().compareTo(retention.metadata()) < 0 ? config.window() : retention.metadata();
    }

    /** How long after the first request a retry with the same key gets its answer. */
    @WithDefault("PT24H")
    Duration window();

    /** How often answers past the window are deleted. */
    @WithDefault("1m")
    String purgeInterval();
}
