package org.roomgate.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Refuses to start with settings out of their bounds, naming every offending key and value at
 * once. Features check their {@code @ConfigMapping} with this at start instead of putting Bean
 * Validation constraints on it: a single constraint on any mapping makes Quarkus build a Hibernate
 * Validator over all of the application's config mappings, Quarkus' own (about 160) included, at
 * every start, which cost about a second of CPU on two cores (README "Performance", start-up).
 * The checks run first among the start-up observers, before any job; Flyway has migrated by then,
 * which no setting checked here affects.
 */
public final class SettingBounds {

    private final List<String> problems = new ArrayList<>();
    private final Set<String> keys = new LinkedHashSet<>();

    public SettingBounds atLeast(String key, long value, long min) {
        return check(value >= min, key, value, "must be at least " + min);
    }

    public SettingBounds between(String key, long value, long min, long max) {
        return check(value >= min && value <= max, key, value, "must be between " + min + " and " + max);
    }

    /** {@code why} says where the upper bound comes from, e.g. the rule that sets it. */
    public SettingBounds between(String key, Duration value, Duration min, Duration max, String why) {
        check(value.compareTo(min) >= 0, key, iso(value), "must be at least " + iso(min));
        return check(value.compareTo(max) <= 0, key, iso(value), "must be at most " + iso(max) + ": " + why);
    }

    /** Throws, and so stops the start, if any check failed. */
    public void orRefuseStart() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(String.join("; ", problems), keys);
        }
    }

    /** Whole days as an operator writes them ("P7D"), where {@link Duration#toString()} gives "PT168H". */
    static String iso(Duration duration) {
        return !duration.isZero() && duration.equals(Duration.ofDays(duration.toDays())) ? "P" + duration.toDays() + "D"
                : duration.toString();
    }

    private SettingBounds check(boolean holds, String key, Object value, String requirement) {
        if (!holds) {
            problems.add(key + "=" + value + " " + requirement);
            keys.add(key);
        }
        return this;
    }
}
