package org.roomgate.room;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Room limits (R10) and the defaults of new rooms. */
@ConfigMapping(prefix = "roomgate.rooms")
public interface RoomsConfig {

    /** The most participants any room may have; also the default of a new room. */
    @WithDefault("50")
    @Min(2)
    @Max(1000)
    int maxParticipantsCeiling();

    /** A room without participants for this long closes by itself. */
    @WithDefault("PT15M")
    Duration defaultIdleTimeout();

    /** A room closes by itself this long after it was created. */
    @WithDefault("PT8H")
    Duration defaultMaxDuration();

    /** The most rooms a tenant may have open at once; creating one more is refused (409 quota-exceeded). */
    @WithDefault("500")
    @Min(1)
    int maxOpenPerTenant();

    /** How often idle and over-long rooms are looked for (extension). */
    @WithDefault("15s")
    String autoCloseInterval();
}
