package org.roomgate.content;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.roomgate.paging.Keyset;

import io.quarkus.panache.common.Parameters;

/** A shared file; {@code name} and {@code data} are ciphertext. */
@Entity
@Table(name = "room_file", schema = "conference")
public class RoomFile extends AuthoredContent {

    @Id
    public UUID id;

    public byte[] name;

    public String contentType;

    public long size;

    public String sha256;

    /** Loaded only for a download, not for listings. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] data;

    /** A page of the room's files, oldest first, after the file with the given id (null: from the start). */
    static List<RoomFile> pageOfRoom(UUID roomId, UUID after, int rows) {
        Parameters parameters = Parameters.with("room", roomId);
        String query = Keyset.where("roomId = :room", parameters, "RoomFile", "createdAt", false, after);
        return RoomFile.<RoomFile>find(query + " order by createdAt, id", parameters).page(0, rows).list();
    }
}
