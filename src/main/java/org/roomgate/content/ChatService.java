package org.roomgate.content;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.roomgate.consent.Capability;
import org.roomgate.content.ContentDtos.ChatMessageView;
import org.roomgate.database.PooledStatements;
import org.roomgate.room.Participant;
import org.roomgate.room.Participation;

/** The room's chat (R6: encrypted at rest, deleted with the room). */
@ApplicationScoped
@Transactional
public class ChatService {

    private static final String INSERT = """
            INSERT INTO conference.chat_message (room_id, tenant_id, participation_id, subject_id, body, created_at)
            VALUES (?, ?, ?, ?, ?, ?) RETURNING id""";

    private final ContentAccess access;
    private final Clock clock;
    private final PooledStatements statements;

    ChatService(ContentAccess access, Clock clock, PooledStatements statements) {
        this.access = access;
        this.clock = clock;
        this.statements = statements;
    }

    /**
     * The busiest write of a lesson: after the access check, one plain INSERT on the
     * transaction's connection, with no Hibernate session, entity or flush.
     */
    public ChatMessageView post(UUID roomId, String text) {
        ContentScope scope = access.contribute(roomId, Capability.CHAT);
        Participant me = scope.me();
        Instant now = clock.instant();
        byte[] body = scope.seal(text.getBytes(StandardCharsets.UTF_8));
        long id = insert(me, body, now);
        return new ChatMessageView(id, me.id(), me.displayName(), text, now);
    }

    private long insert(Participant author, byte[] body, Instant at) {
        return statements.prepared(INSERT, insert -> {
            insert.setObject(1, author.roomId());
            insert.setString(2, author.tenantId());
            insert.setObject(3, author.id());
            insert.setString(4, author.subjectId());
            insert.setBytes(5, body);
            insert.setObject(6, at.atOffset(ZoneOffset.UTC));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** Messages after the given id, oldest first, at most {@code rows}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChatMessageView> list(UUID roomId, long after, int rows) {
        ContentScope scope = access.read(roomId);
        List<ChatMessage> messages = ChatMessage.listAfter(roomId, after, rows);
        Map<UUID, String> authors = authorsOf(messages.stream().map(m -> m.participationId).distinct().toList());
        return messages.stream()
                .map(m -> new ChatMessageView(m.id, m.participationId, authors.get(m.participationId),
                        new String(scope.open(m.body), StandardCharsets.UTF_8), m.createdAt))
                .toList();
    }

    private static Map<UUID, String> authorsOf(List<UUID> participationIds) {
        if (participationIds.isEmpty()) {
            return Map.of();
        }
        return Participation.<Participation>list("id in ?1", participationIds).stream()
                .collect(Collectors.toMap(p -> p.id, p -> p.displayName, (a, b) -> a));
    }
}
