package org.roomgate.idempotency;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.roomgate.settings.SettingBounds;

import io.quarkus.runtime.StartupEvent;

/** Refuses to start with a window longer than the draft's retries need and R8 would like. */
@Singleton
public class IdempotencyConfigCheck {

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start, IdempotencyConfig config) {
        new SettingBounds()
                .between("roomgate.idempotency.window", config.window(), Duration.ofSeconds(1), IdempotencyConfig.MAX_WINDOW,
                        "retries come within minutes, and a stored answer is conference metadata (rule R8)")
                .orRefuseStart();
    }
}
