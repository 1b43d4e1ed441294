package org.roomgate.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A slow server for tests, on a free loopback port: it answers every request at once with
 * {@code 200} and its headers, then sends the body one byte per second, for at most
 * {@link #TRICKLE_SECONDS} seconds. A client bounded only until the headers waits that long.
 */
public final class TricklingServer implements AutoCloseable {

    /** How long one answer trickles before it ends, so that a test of an unbounded client ends too. */
    public static final int TRICKLE_SECONDS = 30;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "trickling-server");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final AtomicInteger trickling = new AtomicInteger();

    public TricklingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::trickle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The paths of the requests received so far, in order. */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    /** How many requests whose path ends so have arrived. */
    public long requests(String pathEnd) {
        return paths.stream().filter(p -> p.endsWith(pathEnd)).count();
    }

    /** Answers still trickling: the client has neither received the whole body nor hung up (as far as a write shows). */
    public int trickling() {
        return trickling.get();
    }

    private void trickle(HttpExchange exchange) throws IOException {
        paths.add(exchange.getRequestURI().getPath());
        exchange.getRequestBody().readAllBytes();
        trickling.incrementAndGet();
        try (exchange) {
            exchange.getResponseHeaders().add("Content-Type", "text/xml;charset=utf-8");
            exchange.sendResponseHeaders(200, TRICKLE_SECONDS);
            OutputStream body = exchange.getResponseBody();
            for (int i = 0; i < TRICKLE_SECONDS; i++) {
                body.write(' ');
                body.flush();
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client hung up: what a bounded client does.
        } finally {
            trickling.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
