package org.roomgate.backend.livekit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * HTTP stand-in of LiveKit's Twirp RoomService on 127.0.0.1, for tests only: it follows the
 * documented API (POST /twirp/livekit.RoomService/&lt;Method&gt;, JSON bodies, Twirp errors
 * {@code {"code","msg"}} with their HTTP status, not_found for an unknown room or participant) and
 * keeps rooms and connected identities in memory. It records every call but decides nothing about
 * tokens: whether LiveKit would accept a call's token is asked of LiveKit's own SDK ({@link LiveKitSdk}).
 */
public final class TwirpStandIn implements AutoCloseable {

    /** One call as received. */
    public record Call(String method, String authorization, String body) {
    }

    private static final String PREFIX = "/twirp/livekit.RoomService/";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> rooms = new ConcurrentHashMap<>();
    private final Map<String, Map<String, JsonNode>> participants = new ConcurrentHashMap<>();
    private final AtomicBoolean unavailable = new AtomicBoolean();
    private volatile Map<String, String> keys;

    public TwirpStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The calls of one method about one room (other tests' retries may reach the stand-in too). */
    public List<Call> calls(String method, String room) {
        return calls(method).stream().filter(c -> c.body().contains("\"" + room + "\"")).toList();
    }

    public boolean hasRoom(String room) {
        return rooms.containsKey(room);
    }

    public JsonNode room(String room) {
        return rooms.get(room);
    }

    /** A room another application created on the same server. */
    public void foreignRoom(String room) {
        rooms.put(room, json.createObjectNode().put("name", room));
    }

    /** A participant connects, as a browser with a valid token would. */
    public void connect(String room, String identity) {
        participants.computeIfAbsent(room, r -> new ConcurrentHashMap<>()).put(identity, json.createObjectNode());
    }

    public boolean isConnected(String room, String identity) {
        return participants.getOrDefault(room, Map.of()).containsKey(identity);
    }

    /** The permission last set by UpdateParticipant, or null. */
    public JsonNode permission(String room, String identity) {
        JsonNode p = participants.getOrDefault(room, Map.of()).get(identity);
        return p == null ? null : p.get("permission");
    }

    /** While set, every call fails with Twirp's 503 "unavailable", as an overloaded server answers. */
    public void unavailable(boolean on) {
        unavailable.set(on);
    }

    /**
     * From now on each call's token is checked as LiveKit's API key middleware checks it against
     * livekit.yaml {@code keys}: the secret of the token's {@code iss}, HS256, not expired; 401
     * otherwise. Unset (the default), the stand-in decides nothing about tokens.
     */
    public void keys(Map<String, String> keyPairs) {
        keys = Map.copyOf(keyPairs);
    }

    public void reset() {
        keys = null;
        calls.clear();
        rooms.clear();
        participants.clear();
        unavailable.set(false);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call(method, exchange.getRequestHeaders().getFirst("Authorization"), body));
        if (!"POST".equals(exchange.getRequestMethod())) {
            reply(exchange, 404, error("bad_route", "no handler"));
            return;
        }
        if (keys != null && !signedWithAKey(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, error("unauthenticated", "invalid token"));
            return;
        }
        if (unavailable.get()) {
            reply(exchange, 503, error("unavailable", "try again"));
            return;
        }
        JsonNode request = json.readTree(body);
        String room = request.path("room").asText(request.path("name").asText());
        switch (method) {
            case "CreateRoom" -> {
                rooms.putIfAbsent(room, request);
                reply(exchange, 200, Map.of("name", room, "sid", "RM_" + room.hashCode()));
            }
            case "DeleteRoom" -> {
                if (rooms.remove(room) == null) {
                    reply(exchange, 404, error("not_found", "room not found"));
                } else {
                    participants.remove(room);
                    reply(exchange, 200, Map.of());
                }
            }
            case "RemoveParticipant", "UpdateParticipant" -> {
                Map<String, JsonNode> inRoom = participants.getOrDefault(room, Map.of());
                String identity = request.path("identity").asText();
                if (!rooms.containsKey(room) || !inRoom.containsKey(identity)) {
                    reply(exchange, 404, error("not_found", "participant not found"));
                } else if (method.equals("RemoveParticipant")) {
                    inRoom.remove(identity);
                    reply(exchange, 200, Map.of());
                } else {
                    inRoom.put(identity, request);
                    reply(exchange, 200, Map.of("identity", identity));
                }
            }
            case "ListRooms" -> {
                // A Room as LiveKit answers it (sid, name, numParticipants), for the names asked or all.
                List<String> names = new ArrayList<>();
                request.path("names").forEach(n -> names.add(n.asText()));
                List<Map<String, Object>> list = new ArrayList<>();
                rooms.keySet().stream().filter(name -> names.isEmpty() || names.contains(name))
                        .forEach(name -> list.add(Map.of("sid", "RM_" + name.hashCode(), "name", name,
                                "numParticipants", participants.getOrDefault(name, Map.of()).size())));
                reply(exchange, 200, Map.of("rooms", list));
            }
            case "ListParticipants" -> {
                List<Map<String, String>> list = new ArrayList<>();
                participants.getOrDefault(room, Map.of()).keySet().forEach(i -> list.add(Map.of("identity", i)));
                reply(exchange, 200, Map.of("participants", list));
            }
            default -> reply(exchange, 404, error("bad_route", "no handler for " + method));
        }
    }

    private boolean signedWithAKey(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String token = authorization.substring("Bearer ".length());
        try {
            String issuer = new org.jose4j.jwt.consumer.JwtConsumerBuilder().setSkipAllValidators()
                    .setDisableRequireSignature().setSkipSignatureVerification().build().processToClaims(token).getIssuer();
            String secret = issuer == null ? null : keys.get(issuer);
            if (secret == null) {
                return false;
            }
            new org.jose4j.jwt.consumer.JwtConsumerBuilder()
                    .setJwsAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT, "HS256")
                    .setVerificationKey(new org.jose4j.keys.HmacKey(secret.getBytes(StandardCharsets.UTF_8)))
                    .setRelaxVerificationKeyValidation().setRequireExpirationTime().setExpectedIssuer(issuer)
                    .build().processToClaims(token);
            return true;
        } catch (org.jose4j.jwt.consumer.InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
            return false;
        }
    }

    private static Map<String, String> error(String code, String msg) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("msg", msg);
        return error;
    }

    private void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
