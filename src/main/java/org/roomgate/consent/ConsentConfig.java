package org.roomgate.consent;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How consent dates are read. */
@ConfigMapping(prefix = "roomgate.consent")
public interface ConsentConfig {

    /**
     * The school's time zone: a consent's {@code validUntil} date holds until the end of that
     * day there.
     */
    @WithDefault("Europe/Berlin")
    ZoneId zone();
}
