package org.roomgate.tenant;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Says at start how to administer a service that has no ops key at all, because otherwise every
 * operations call answers 401 and nothing says why. Ops keys come only from configuration (no
 * stored API key has the ops role, {@link ApiKeyRole}), so none configured means none exists.
 * Never prints a key.
 */
@Singleton
class OpsKeyWarning {

    private static final Logger LOG = Logger.getLogger(OpsKeyWarning.class);

    void onStart(@Observes StartupEvent event, AuthConfig config) {
        if (config.bootstrapOpsKey().filter(key -> !key.isBlank()).isEmpty()) {
            LOG.warn("No ops key is configured: operations (tenants, API keys, backends, compliance) answer 401."
                    + " Set ROOMGATE_BOOTSTRAP_OPS_KEY (roomgate.bootstrap-ops-key) to a long random secret,"
                    + " e.g. $(openssl rand -base64 32), and restart to administer this service.");
        }
    }
}
