package org.roomgate.room;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.roomgate.settings.SettingBounds;

import io.quarkus.runtime.StartupEvent;

/** Refuses to start with room limits out of their bounds (R10; the duration ceiling under R8). */
@Singleton
public class RoomsConfigCheck {

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start, RoomsConfig config) {
        new SettingBounds()
                .between("roomgate.rooms.max-participants-ceiling", config.maxParticipantsCeiling(), 2, 1000)
                .atLeast("roomgate.rooms.max-open-per-tenant", config.maxOpenPerTenant(), 1)
                .between("roomgate.rooms.max-duration-ceiling", config.maxDurationCeiling(), Duration.ofSeconds(1),
                        Duration.ofDays(7), "rule R8 keeps a conference's metadata for at most 7 days")
                .orRefuseStart();
    }
}
