package org.roomgate.backend;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP calls of one connection check, bounded as a whole: each call ends within the call
 * timeout, headers and body together, so a server that trickles its answer cannot hold it, and
 * the check ends by its deadline however many calls it makes; an answer is read up to
 * {@link #MAX_BODY} bytes. No redirect is followed (a backend
 * URL that redirects is misconfigured, and a redirect could lead the check elsewhere).
 */
public final class Probe {

    /** More than any answer a check reads (BigBlueButton's XML, a Twirp error, a PEM key). */
    static final int MAX_BODY = 64 * 1024;

    /** The answer of one call: status and body as text. */
    public record Answer(int status, String body) {
    }

    /** No answer by the deadline, or no connection at all; the message names no request content. */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message, null, false, false);
        }
    }

    private final HttpClient http;
    private final long callNanos;
    private final long deadlineNanos;

    public Probe(Duration perCall, Duration within) {
        this.http = HttpClient.newBuilder().connectTimeout(perCall).followRedirects(HttpClient.Redirect.NEVER).build();
        this.callNanos = perCall.toNanos();
        this.deadlineNanos = System.nanoTime() + within.toNanos();
    }

    /** Sends the request and waits for the whole answer, within the call timeout and the check's deadline. */
    public Answer send(HttpRequest request) {
        long left = Math.min(callNanos, deadlineNanos - System.nanoTime());
        if (left <= 0) {
            throw new Unreachable("no time left in the check");
        }
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(request, info -> new Capped());
        try {
            HttpResponse<String> response = call.get(left, TimeUnit.NANOSECONDS);
            return new Answer(response.statusCode(), response.body());
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new Unreachable("no complete answer in time");
        } catch (ExecutionException e) {
            throw new Unreachable("no connection");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
    }

    /** Keeps the first {@link #MAX_BODY} bytes and stops reading there. */
    private static final class Capped implements HttpResponse.BodySubscriber<String> {

        private final CompletableFuture<String> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                int take = Math.min(item.remaining(), MAX_BODY - bytes.size());
                byte[] chunk = new byte[take];
                item.get(chunk);
                bytes.write(chunk, 0, take);
            }
            if (bytes.size() >= MAX_BODY) {
                subscription.cancel();
                onComplete();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
