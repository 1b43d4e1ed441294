package org.roomgate.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Registers the embedded PostgreSQL once for every {@code @QuarkusTest} of the run. */
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
public final class GlobalTestResources {

    private GlobalTestResources() {
    }
}
