package org.roomgate.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.roomgate.consent.Capability;
import org.roomgate.content.ContentDtos.FileView;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.ProblemType;

/** Files shared in a room: encrypted as they are read from the upload, deleted with the room. */
@ApplicationScoped
@Transactional
public class FileService {

    private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+");
    private static final String OCTET_STREAM = "application/octet-stream";

    private final ContentAccess access;
    private final ContentConfig config;
    private final Clock clock;

    FileService(ContentAccess access, ContentConfig config, Clock clock) {
        this.access = access;
        this.config = config;
        this.clock = clock;
    }

    /** A decrypted file, ready to send. */
    public record Download(String name, String contentType, byte[] bytes) {
    }

    public FileView upload(UUID roomId, Path upload, String fileName, String contentType) {
        ContentScope scope = access.contribute(roomId, Capability.FILES);
        RoomCaps.refuseBeyond(RoomFile.count("roomId", roomId), config.files().maxPerRoom(), "files", "roomgate.files.max-per-room");
        long size = sizeOf(upload);
        if (size > config.files().maxSize().asLongValue()) {
            throw tooLarge();
        }
        MessageDigest sha256 = sha256();
        RoomFile file = new RoomFile();
        file.id = UUID.randomUUID();
        file.authoredBy(scope.me(), clock.instant());
        String name = fileName == null || fileName.isBlank() ? "file" : fileName.strip();
        file.name = scope.seal(name.getBytes(StandardCharsets.UTF_8));
        file.contentType = contentType != null && MEDIA_TYPE.matcher(contentType).matches() ? contentType : OCTET_STREAM;
        file.size = size;
        try (InputStream encrypted = ContentCipher.encrypting(roomId, scope.key(),
                new DigestInputStream(Files.newInputStream(upload), sha256))) {
            // Bounded by the size check above: the largest allowed file plus the cipher's overhead.
            file.data = encrypted.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the upload", e);
        }
        file.sha256 = HexFormat.of().formatHex(sha256.digest());
        file.persist();
        return view(file, name);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FileView> list(UUID roomId, UUID after, int rows) {
        ContentScope scope = access.read(roomId);
        return RoomFile.pageOfRoom(roomId, after, rows).stream()
                .map(f -> view(f, new String(scope.open(f.name), StandardCharsets.UTF_8)))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Download download(UUID roomId, UUID fileId) {
        ContentScope scope = access.read(roomId);
        RoomFile file = RoomFile.<RoomFile>findByIdOptional(fileId)
                .filter(f -> f.roomId.equals(roomId))
                .orElseThrow(() -> DomainException.notFound("File"));
        return new Download(new String(scope.open(file.name), StandardCharsets.UTF_8), file.contentType, scope.open(file.data));
    }

    static DomainException tooLarge() {
        return new DomainException(ProblemType.PAYLOAD_TOO_LARGE, "The file is larger than roomgate.files.max-size allows.");
    }

    private static FileView view(RoomFile file, String name) {
        return new FileView(file.id, name, file.size, file.contentType, file.sha256, file.participationId, file.createdAt);
    }

    private static long sizeOf(Path upload) {
        try {
            return Files.size(upload);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the upload", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
