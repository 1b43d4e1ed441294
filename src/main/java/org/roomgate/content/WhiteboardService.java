package org.roomgate.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.roomgate.consent.Capability;
import org.roomgate.content.ContentDtos.StrokeView;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;

/** The room's whiteboard: strokes as opaque JSON, encrypted, deleted with the room. */
@ApplicationScoped
@Transactional
public class WhiteboardService {

    static final int MAX_STROKE_BYTES = 64 * 1024;

    private final ContentAccess access;
    private final ObjectMapper json;
    private final Clock clock;
    private final ContentConfig config;

    WhiteboardService(ContentAccess access, ObjectMapper json, Clock clock, ContentConfig config) {
        this.access = access;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    public StrokeView draw(UUID roomId, JsonNode data) {
        if (!data.isObject()) {
            throw DomainException.invalid("data", "must be a JSON object");
        }
        byte[] serialized = write(data);
        if (serialized.length > MAX_STROKE_BYTES) {
            throw new DomainException(ProblemType.PAYLOAD_TOO_LARGE, "A stroke may be at most 64 KiB of JSON.");
        }
        ContentScope scope = access.contribute(roomId, Capability.WHITEBOARD);
        RoomCaps.refuseBeyond(WhiteboardStroke.count("roomId", roomId), config.whiteboard().maxStrokesPerRoom(),
                "whiteboard strokes", "roomgate.whiteboard.max-strokes-per-room");
        WhiteboardStroke stroke = new WhiteboardStroke();
        stroke.authoredBy(scope.me(), clock.instant());
        stroke.data = scope.seal(serialized);
        stroke.persist();
        return new StrokeView(stroke.id, stroke.participationId, data, stroke.createdAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StrokeView> list(UUID roomId, long after, int rows) {
        ContentScope scope = access.read(roomId);
        return WhiteboardStroke.listAfter(roomId, after, rows).stream()
                .map(s -> new StrokeView(s.id, s.participationId, read(scope.open(s.data)), s.createdAt))
                .toList();
    }

    /** Clears the whiteboard for everyone; a moderator's call. */
    public void clear(UUID roomId) {
        access.contribute(roomId, Capability.MODERATE);
        WhiteboardStroke.delete("roomId", roomId);
    }

    private byte[] write(JsonNode data) {
        try {
            return json.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(byte[] data) {
        try {
            return json.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
