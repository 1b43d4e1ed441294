package org.roomgate.retention;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.roomgate.settings.SettingBounds;

import io.quarkus.runtime.StartupEvent;

/** Refuses to start with a retention above what R8 allows, before any job runs. */
@Singleton
public class RetentionConfigCheck {

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start, RetentionConfig config) {
        new SettingBounds()
                .between("roomgate.retention.metadata", config.metadata(), Duration.ZERO, RetentionConfig.HARD_LIMIT,
                        "rule R8 allows conference metadata to be kept for at most 7 days")
                .orRefuseStart();
    }
}
