package org.roomgate.backend.bbb;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.backend.BackendConfig;
import org.roomgate.backend.BackendSettings;
import org.roomgate.backend.BoundedHttp;
import org.roomgate.backend.BackendUnavailable;

/**
 * Calls the BigBlueButton API: {@code <url>api/<call>?<query>&checksum=<hex>}, the checksum
 * with the tenant's algorithm. An unreachable server, an HTTP error or an answer that is not
 * BigBlueButton's XML is {@link BackendUnavailable}; a FAILED answer is returned as such.
 */
@ApplicationScoped
public class BbbClient {

    private final HttpClient http;
    private final BackendConfig config;

    BbbClient(BackendConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.callTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public BbbResponse call(BackendSettings settings, String callName, BbbQuery query) {
        HttpRequest request = HttpRequest.newBuilder(url(settings, callName, query)).timeout(config.callTimeout()).GET().build();
        try {
            HttpResponse<String> response = BoundedHttp.send(http, request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), config.callTimeout());
            if (response.statusCode() != 200) {
                throw new BackendUnavailable(callName + ": HTTP " + response.statusCode());
            }
            return BbbResponse.parse(response.body());
        } catch (HttpTimeoutException e) {
            throw new BackendUnavailable(callName + ": no complete answer in time");
        } catch (IOException e) {
            throw new BackendUnavailable(callName + ": unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailable(callName + ": interrupted");
        }
    }

    /** A checksummed API URL; for {@code join}, the one the browser is sent to. */
    public static URI url(BackendSettings settings, String callName, BbbQuery query) {
        String queryString = query.toString();
        String checksum = BbbChecksum.valueOf(settings.checksum()).ofCall(callName, queryString, settings.secret());
        return URI.create(apiBase(settings) + callName + "?" + queryString
                + (queryString.isEmpty() ? "" : "&") + "checksum=" + checksum);
    }

    /** The API's URL with a trailing slash, where the calls are named. */
    public static String apiBase(BackendSettings settings) {
        // The configured URL is the API's base (…/bigbluebutton/); some tools quote the endpoint (…/bigbluebutton/api/).
        return settings.url().endsWith("/api/") ? settings.url() : settings.url() + "api/";
    }
}
