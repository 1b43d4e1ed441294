package org.roomgate.backend.jitsi;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.roomgate.backend.BackendCheck;
import org.roomgate.backend.BackendKind;
import org.roomgate.backend.BackendSettings;
import org.roomgate.backend.ConnectionCheck;
import org.roomgate.backend.ConnectionCheck.Items;
import org.roomgate.backend.Probe;
import org.roomgate.backend.PublicUrl;
import org.roomgate.problem.DomainException;
import org.roomgate.problem.Problem;
import org.roomgate.problem.ProblemType;

/**
 * Jitsi with RS256: the public key fetched as Prosody fetches it, {@code <asap_key_server>/<sha256hex(kid)>.pem},
 * parsed as Prosody's token plugin parses it (a PEM PUBLIC KEY), and compared with the key roomgate
 * signs with. HS256 has nothing to fetch: Prosody holds {@code app_secret} itself.
 */
@ApplicationScoped
public class JitsiCheck implements BackendCheck {

    static final String KEY = "asap-key";
    private static final Pattern PUBLIC_KEY = Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

    private final AsapKey key;
    private final PublicUrl publicUrl;

    JitsiCheck(AsapKey key, PublicUrl publicUrl) {
        this.key = key;
        this.publicUrl = publicUrl;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.JITSI;
    }

    @Override
    public List<Problem.Check> check(BackendSettings settings, ConnectionCheck.Request request, Probe probe) {
        Items items = new Items();
        if (JitsiSettings.Algorithm.valueOf(settings.algorithm()) == JitsiSettings.Algorithm.HS256) {
            return items.notApplicable(KEY, "HS256: Prosody verifies tokens with its own app_secret; there is nothing to "
                    + "fetch, and roomgate cannot see whether the two secrets match until a participant connects").list();
        }
        String server = keyServer(request.asapKeyServer());
        URI uri = URI.create(server + "/" + key.publishedName());
        Probe.Answer answer;
        try {
            answer = probe.send(HttpRequest.newBuilder(uri).GET().build());
        } catch (Probe.Unreachable e) {
            throw items.fail(ProblemType.BACKEND_UNREACHABLE, KEY, uri + ": " + e.getMessage());
        }
        if (answer.status() != 200) {
            throw items.fail(ProblemType.BACKEND_KEY_UNPUBLISHED, KEY, uri + " answers HTTP " + answer.status()
                    + ": Prosody could not verify roomgate's tokens (asap_key_server must be <public-url>/.well-known/asap)");
        }
        PublicKey served = parse(answer.body());
        if (served == null) {
            throw items.fail(ProblemType.BACKEND_KEY_UNPUBLISHED, KEY, uri + " answers, but not with a PEM PUBLIC KEY");
        }
        if (!java.util.Arrays.equals(served.getEncoded(), key.publicKey().getEncoded())) {
            throw items.fail(ProblemType.BACKEND_KEY_UNPUBLISHED, KEY, uri + " serves another RSA key than the one "
                    + "roomgate signs with (kid " + key.kid() + ")");
        }
        return items.ok(KEY, uri + " serves the RSA key roomgate signs with (kid " + key.kid() + ", "
                + ((RSAPublicKey) served).getModulus().bitLength() + " bits)").list();
    }

    /** Prosody's asap_key_server as the operator gives it, else where roomgate publishes its key. */
    private String keyServer(String given) {
        if (given == null || given.isBlank()) {
            return publicUrl.of("/.well-known/asap");
        }
        String text = given.strip();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getQuery() != null
                    || uri.getFragment() != null || uri.getUserInfo() != null) {
                throw DomainException.invalid("asapKeyServer", "must be an absolute http or https URL with a host, "
                        + "without query, fragment or credentials");
            }
        } catch (URISyntaxException e) {
            throw DomainException.invalid("asapKeyServer", "is not a URL");
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static PublicKey parse(String pem) {
        Matcher block = PUBLIC_KEY.matcher(pem);
        if (!block.find()) {
            return null;
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                    Base64.getMimeDecoder().decode(block.group(1))));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
