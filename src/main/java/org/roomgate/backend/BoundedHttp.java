package org.roomgate.backend;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP call to a backend bounded as a whole: connect, headers and body within one deadline.
 * The JDK client's request timeout ends when the headers arrive, so a server that trickles its
 * body would otherwise hold the calling thread for as long as it likes.
 */
public final class BoundedHttp {

    private BoundedHttp() {
    }

    /** Like {@link HttpClient#send}, but gives up (and cancels the exchange) when the deadline has passed. */
    public static <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body,
            Duration deadline) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> exchange = http.sendAsync(request, body);
        try {
            return exchange.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + deadline);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }
}
