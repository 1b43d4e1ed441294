package org.roomgate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.QuarkusApplication;

/**
 * The build's training run for the class-data archive (pom.xml, README "Performance"): the
 * packaged jar starts as a user starts it, answers one readiness probe, and stops, while
 * {@code -XX:ArchiveClassesAtExit} records every class that took. Later starts with
 * {@code -XX:SharedArchiveFile} map those classes instead of loading and verifying them one by
 * one. A start that is not ready fails the run, and so the build.
 */
public class ClassDataTraining implements QuarkusApplication {

    /**
     * The program argument that turns a start into the training run (an argument, not a
     * {@code roomgate.*} property: those must all be known settings).
     */
    static final String ARGUMENT = "--class-data-training";
    private static final Logger LOG = Logger.getLogger(ClassDataTraining.class);

    static boolean requested(String... args) {
        return Arrays.asList(args).contains(ARGUMENT);
    }

    @Override
    public int run(String... args) throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.port", Integer.class);
        HttpResponse<String> ready = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        LOG.infof("Class-data training run: readiness answered %d, stopping", ready.statusCode());
        return ready.statusCode() == 200 ? 0 : 1;
    }
}
