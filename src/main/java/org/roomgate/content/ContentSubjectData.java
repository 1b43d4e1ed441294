package org.roomgate.content;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.subject.SubjectDataContributor;

/**
 * What a subject authored in rooms, in its export and erasure. Only content of open rooms can
 * be exported: a closed room's content is unreadable by design.
 */
@ApplicationScoped
public class ContentSubjectData implements SubjectDataContributor {

    private final ContentKeys keys;

    ContentSubjectData(ContentKeys keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "content";
    }

    @Override
    public Object export(String tenantId, String subjectId) {
        Map<UUID, Optional<byte[]>> roomKeys = new LinkedHashMap<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (ChatMessage m : ChatMessage.<ChatMessage>list("tenantId = ?1 and subjectId = ?2 order by id", tenantId, subjectId)) {
            keyOf(roomKeys, m.roomId).ifPresent(key -> items.add(Map.of("kind", "chat", "roomId", m.roomId,
                    "createdAt", m.createdAt, "text", new String(ContentCipher.decrypt(m.roomId, key, m.body), StandardCharsets.UTF_8))));
        }
        for (RoomFile f : RoomFile.<RoomFile>list("tenantId = ?1 and subjectId = ?2 order by createdAt", tenantId, subjectId)) {
            keyOf(roomKeys, f.roomId).ifPresent(key -> items.add(Map.of("kind", "file", "roomId", f.roomId,
                    "createdAt", f.createdAt, "name", new String(ContentCipher.decrypt(f.roomId, key, f.name), StandardCharsets.UTF_8),
                    "size", f.size, "sha256", f.sha256)));
        }
        for (WhiteboardStroke s : WhiteboardStroke.<WhiteboardStroke>list("tenantId = ?1 and subjectId = ?2 order by id", tenantId, subjectId)) {
            keyOf(roomKeys, s.roomId).ifPresent(key -> items.add(Map.of("kind", "whiteboardStroke", "roomId", s.roomId,
                    "createdAt", s.createdAt, "data", new String(ContentCipher.decrypt(s.roomId, key, s.data), StandardCharsets.UTF_8))));
        }
        for (PollVote v : PollVote.<PollVote>list("tenantId = ?1 and subjectId = ?2 order by createdAt", tenantId, subjectId)) {
            keyOf(roomKeys, v.roomId).ifPresent(key -> items.add(Map.of("kind", "pollVote", "roomId", v.roomId,
                    "pollId", v.pollId, "createdAt", v.createdAt,
                    "option", ByteBuffer.wrap(ContentCipher.decrypt(v.roomId, key, v.choice)).getInt())));
        }
        return items;
    }

    /** For operators: how much the subject authored, not what. */
    @Override
    public Object exportMetadata(String tenantId, String subjectId) {
        String bySubject = "tenantId = ?1 and subjectId = ?2";
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("chatMessages", ChatMessage.count(bySubject, tenantId, subjectId));
        counts.put("files", RoomFile.count(bySubject, tenantId, subjectId));
        counts.put("whiteboardStrokes", WhiteboardStroke.count(bySubject, tenantId, subjectId));
        counts.put("pollVotes", PollVote.count(bySubject, tenantId, subjectId));
        return Map.of("counts", counts);
    }

    @Override
    public long erase(String tenantId, String subjectId) {
        return ChatMessage.delete("tenantId = ?1 and subjectId = ?2", tenantId, subjectId)
                + RoomFile.delete("tenantId = ?1 and subjectId = ?2", tenantId, subjectId)
                + WhiteboardStroke.delete("tenantId = ?1 and subjectId = ?2", tenantId, subjectId)
                + PollVote.delete("tenantId = ?1 and subjectId = ?2", tenantId, subjectId);
    }

    private Optional<byte[]> keyOf(Map<UUID, Optional<byte[]>> cache, UUID roomId) {
        return cache.computeIfAbsent(roomId, keys::keyOf);
    }
}
