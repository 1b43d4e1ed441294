package org.roomgate.content;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Refuses to start with a file limit the HTTP layer would undercut: an upload above
 * {@code quarkus.http.limits.max-body-size} gets an empty 413 from Vert.x instead of a problem.
 */
@Singleton
public class UploadLimitCheck {

    void onStart(@Observes StartupEvent event, ContentConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize httpLimit) {
        long needed = config.files().maxSize().asLongValue() + UploadSizeLimit.MULTIPART_OVERHEAD;
        if (needed > httpLimit.asLongValue()) {
            throw new IllegalStateException("roomgate.files.max-size (" + config.files().maxSize().asLongValue()
                    + " bytes) plus multipart framing exceeds quarkus.http.limits.max-body-size (" + httpLimit.asLongValue()
                    + " bytes); raise the latter too.");
        }
    }
}
