package org.roomgate.database;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.roomgate.settings.SettingBounds;

import io.quarkus.runtime.StartupEvent;

/** Refuses to start with a database timeout below one second: the driver reads 0 as "wait for ever". */
@Singleton
public class DatabaseConfigCheck {

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start, DatabaseConfig config) {
        new SettingBounds()
                .atLeast("roomgate.database.connect-timeout", config.connectTimeout(), 1)
                .atLeast("roomgate.database.socket-timeout", config.socketTimeout(), 1)
                .atLeast("roomgate.database.statement-timeout", config.statementTimeout(), 1)
                .orRefuseStart();
    }
}
