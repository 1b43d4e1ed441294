package org.roomgate.token;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

/**
 * Puts the Amazon Corretto Crypto Provider (native AWS-LC) first among the JVM's providers, so
 * that ES256 signing and verifying, SHA-256, HMAC, AES-GCM and SecureRandom run natively. Where
 * its library cannot load (not Linux x86-64 with glibc, a {@code java.io.tmpdir} mounted
 * noexec), the JDK's providers stay in charge. Either way one log line names the provider that
 * signs join tokens. Key formats, {@code kid} and the JWKS are the same under both.
 */
@Singleton
public class NativeCrypto {

    private static final Logger LOG = Logger.getLogger(NativeCrypto.class);
    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private final String signingProvider;

    NativeCrypto(TokenConfig config) {
        this.signingProvider = install(config.nativeCrypto());
    }

    /** The provider that signs and verifies ES256 in this JVM. */
    public String signingProvider() {
        return signingProvider;
    }

    /** Installs at most once per JVM (tests start the application several times in one). */
    static synchronized String install(boolean wanted) {
        AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
        if (!wanted) {
            LOG.infof("Join tokens signed by %s: roomgate.token.native-crypto is off", ecdsaProvider().getName());
        } else if (accp.getLoadingError() != null) {
            // The cause names the library path at most; no personal data can be in it (R4).
            LOG.warnf("Join tokens signed by %s: the native provider did not load (%s)", ecdsaProvider().getName(),
                    accp.getLoadingError());
        } else {
            if (Security.getProvider(accp.getName()) == null) {
                accp.assertHealthy();
                Security.insertProviderAt(accp, 1);
            }
            LOG.infof("Join tokens signed by %s %s (%s)", ecdsaProvider().getName(), accp.getVersionStr(),
                    accp.getAwsLcVersionStr());
        }
        return ecdsaProvider().getName();
    }

    private static Provider ecdsaProvider() {
        try {
            return Signature.getInstance(SIGNATURE_ALGORITHM).getProvider();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("ECDSA is part of every JRE", e);
        }
    }
}
