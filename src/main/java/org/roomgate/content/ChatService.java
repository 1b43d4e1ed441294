package org.roomgate.content;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.roomgate.consent.Capability;
import org.roomgate.content.ContentDtos.ChatMessageView;
import org.roomgate.room.Participation;

/** The room's chat (R6: encrypted at rest, deleted with the room). */
@ApplicationScoped
@Transactional
public class ChatService {

    private final ContentAccess access;
    private final Clock clock;

    ChatService(ContentAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    public ChatMessageView post(UUID roomId, String text) {
        ContentScope scope = access.contribute(roomId, Capability.CHAT);
        ChatMessage message = new ChatMessage();
        message.authoredBy(scope.me(), clock.instant());
        message.body = scope.seal(text.getBytes(StandardCharsets.UTF_8));
        message.persist();
        return new ChatMessageView(message.id, message.participationId, scope.me().displayName, text, message.createdAt);
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
