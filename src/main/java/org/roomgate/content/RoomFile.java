package org.roomgate.content;

import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
}
