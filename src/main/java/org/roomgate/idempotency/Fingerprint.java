package org.roomgate.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The draft's request fingerprint: SHA-256 over the method, the path and every argument the
 * resource method received, as JSON (an upload: its name, type and bytes). It compares requests
 * as the service reads them, so the same body with other whitespace or key order is the same
 * request, and one that differs in anything the service acts on is not.
 */
final class Fingerprint {

    private final MessageDigest digest;
    private final ObjectMapper json;

    private Fingerprint(ObjectMapper json) {
        this.json = json;
        this.digest = sha256();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static byte[] of(ObjectMapper json, String method, String path, Object[] arguments) {
        Fingerprint fingerprint = new Fingerprint(json);
        fingerprint.part(method.getBytes(StandardCharsets.UTF_8));
        fingerprint.part(path.getBytes(StandardCharsets.UTF_8));
        for (Object argument : arguments) {
            fingerprint.argument(argument);
        }
        return fingerprint.digest.digest();
    }

    private void argument(Object argument) {
        if (argument instanceof FileUpload upload) {
            part(String.valueOf(upload.fileName()).getBytes(StandardCharsets.UTF_8));
            part(String.valueOf(upload.contentType()).getBytes(StandardCharsets.UTF_8));
            part(contentHash(upload));
            return;
        }
        try {
            part(json.writeValueAsBytes(argument));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A request argument does not serialise to JSON", e);
        }
    }

    /** Length-prefixed, so that no two different argument lists hash alike by shifting bytes between parts. */
    private void part(byte[] bytes) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static byte[] contentHash(FileUpload upload) {
        MessageDigest content = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(upload.uploadedFile()), content)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("The upload cannot be read", e);
        }
        return content.digest();
    }
}
