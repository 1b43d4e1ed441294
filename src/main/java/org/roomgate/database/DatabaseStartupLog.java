package org.roomgate.database;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Says once, at start, which database this instance uses; never its password. */
@Singleton
public class DatabaseStartupLog {

    private static final Logger LOG = Logger.getLogger(DatabaseStartupLog.class);

    void onStart(@Observes StartupEvent event, DataDirConfig dataDir,
            @ConfigProperty(name = EmbeddedDatabase.URL_KEY) String url) {
        String where = withoutParameters(url);
        if (EmbeddedDatabase.isRunning()) {
            LOG.infof("Database: embedded PostgreSQL at %s, data in %s", where,
                    dataDir.dataDir().resolve(EmbeddedDatabase.SUBDIRECTORY).toAbsolutePath());
        } else {
            LOG.infof("Database: external PostgreSQL at %s", where);
        }
    }

    /** JDBC URLs may carry a password as a parameter; only host, port and name are logged. */
    static String withoutParameters(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        int at = base.indexOf('@');
        return at < 0 ? base : "jdbc:postgresql://" + base.substring(at + 1);
    }
}
