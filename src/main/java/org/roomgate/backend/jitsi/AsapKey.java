package org.roomgate.backend.jitsi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.roomgate.database.PrivateFiles;

/**
 * The RSA key that signs RS256 Jitsi tokens (Prosody's token plugin takes RS* or HS*, never
 * roomgate's ES256). Kept like the join-token key: given by the operator, or generated once into
 * the data directory with owner-only permissions. Prosody finds the public key by
 * {@code <asap_key_server>/<sha256hex(kid)>.pem}.
 */
public final class AsapKey {

    private static final Logger LOG = Logger.getLogger(AsapKey.class);
    static final String GENERATED_KEY_FILE = "jitsi-asap-key.pem";
    private static final int MIN_BITS = 2048;
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String kid;
    private final String publicPem;

    private AsapKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.publicPem = pem("PUBLIC KEY", publicKey.getEncoded());
        this.kid = "roomgate-" + sha256Hex(publicKey.getEncoded()).substring(0, 16);
    }

    /**
     * The configured key, or the one generated earlier in {@code keyDirectory}, or a new one kept
     * there. {@code sharedDatabase}: other instances may serve the same tenants (an external
     * database), so a key of this instance's own breaks Prosody's fetch through any of them.
     */
    public static AsapKey load(java.util.Optional<Path> configured, Path keyDirectory, boolean sharedDatabase) {
        Path location = configured.orElse(keyDirectory.resolve(GENERATED_KEY_FILE));
        boolean generated = configured.isEmpty() && !Files.exists(location);
        if (generated) {
            generate(location);
        }
        try {
            String text = Files.readString(location, StandardCharsets.US_ASCII);
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(block(text, "PRIVATE KEY", location)));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(block(text, "PUBLIC KEY", location)));
            if (((RSAPublicKey) publicKey).getModulus().bitLength() < MIN_BITS) {
                throw new IllegalStateException(location + " holds an RSA key below " + MIN_BITS + " bits");
            }
            AsapKey key = new AsapKey(privateKey, publicKey);
            if (configured.isEmpty() && sharedDatabase) {
                // With an external database the data directory is this instance's alone and often
                // a container's scratch space: another replica, or this one rescheduled, publishes
                // another key, and Prosody gets 404 for every token signed here.
                LOG.warnf("Jitsi tokens signed with RSA key %s that this instance %s in %s: it is not shared with other "
                        + "instances and lasts only as long as that directory. Give every instance the same key with "
                        + "roomgate.jitsi.asap-key-location (README \"Scaling out\")", key.kid,
                        generated ? "generated now" : "generated earlier", location);
            } else {
                LOG.infof("Jitsi tokens signed with RSA key %s from %s", key.kid, location);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Jitsi key " + location, e);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(location + " holds no RSA key pair (PKCS#8 PRIVATE KEY, PUBLIC KEY)", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String kid() {
        return kid;
    }

    /** The file name under which Prosody asks for this key. */
    public String publishedName() {
        return sha256Hex(kid.getBytes(StandardCharsets.UTF_8)) + ".pem";
    }

    public String publicPem() {
        return publicPem;
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static byte[] block(String text, String type, Path location) {
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(type)) {
                return Base64.getMimeDecoder().decode(matcher.group(2));
            }
        }
        throw new IllegalStateException(location + " holds no " + type + " block");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void generate(Path location) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(MIN_BITS);
            KeyPair pair = generator.generateKeyPair();
            PrivateFiles.write(location, pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                    + pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            LOG.infof("Generated a new Jitsi RSA key in %s", location);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Jitsi key to " + location, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JRE", e);
        }
    }
}
