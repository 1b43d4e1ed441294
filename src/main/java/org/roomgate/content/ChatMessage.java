package org.roomgate.content;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A chat message; {@code body} is ciphertext. */
@Entity
@Table(name = "chat_message", schema = "conference")
public class ChatMessage extends AuthoredContent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public byte[] body;

    static List<ChatMessage> listAfter(UUID roomId, long after, int limit) {
        return find("roomId = ?1 and id > ?2 order by id", roomId, after).page(0, limit).list();
    }
}
