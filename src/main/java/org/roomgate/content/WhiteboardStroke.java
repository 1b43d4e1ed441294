package org.roomgate.content;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A whiteboard stroke; {@code data} is ciphertext of its JSON. */
@Entity
@Table(name = "whiteboard_stroke", schema = "conference")
public class WhiteboardStroke extends AuthoredContent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public byte[] data;

    static List<WhiteboardStroke> listAfter(UUID roomId, long after, int limit) {
        return find("roomId = ?1 and id > ?2 order by id", roomId, after).page(0, limit).list();
    }
}
