package org.roomgate.room;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Room limits (R10) and the defaults of new rooms; {@link RoomsConfigCheck} checks their bounds at start. */
@ConfigMapping(prefix = "roomgate.rooms")
public interface RoomsConfig {

    /** The most participants any room may have; also the default of a new room. */
    @WithDefault("50")
    int maxParticipantsCeiling();

    /** A room without participants for this long closes by itself; at most its maxDuration. */
    @WithDefault("PT15M")
    Duration defaultIdleTimeout();

    /** A room closes by itself this long after it was created; at most the ceiling. */
    @WithDefault("PT8H")
    Duration defaultMaxDuration();

    /** The most rooms a tenant may have open at once; creating one more is refused (409 quota-exceeded). */
    @WithDefault("500")
    int maxOpenPerTenant();

    /**
     * The longest maxDuration a room may ask for (and so idleTimeout). Longer ones are refused
     * with 400; R8 keeps a conference's metadata for at most seven days, so the ceiling is too.
     */
    @WithDefault("P1D")
    Duration maxDurationCeiling();

    /** How often idle and over-long rooms are looked for (extension). */
    @WithDefault("15s")
    String autoCloseInterval();
}
