package org.roomgate.token;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Loads the native provider on a thread of its own before Quarkus starts, so that reading it
 * from its signed jar, unpacking its library (9.6 MB into {@code java.io.tmpdir}) and its
 * self-tests overlap Quarkus' own start instead of adding to it (README "Performance",
 * start-up); {@link NativeCrypto} then finds it loaded, or waits for it. A class of its own:
 * {@link NativeCrypto} hands the provider on as a {@code Provider}, so verifying that class
 * would load the provider's class on the calling thread. Where
 * {@code roomgate.token.native-crypto} is off (TokenConfig's default is on), nothing is loaded.
 */
public final class NativeCryptoPreload implements Runnable {

    private static final String WANTED_KEY = "roomgate.token.native-crypto";

    private NativeCryptoPreload() {
    }

    public static void startUnlessOff() {
        boolean wanted = new SmallRyeConfigBuilder().addDefaultSources().build()
                .getOptionalValue(WANTED_KEY, Boolean.class).orElse(true);
        if (wanted) {
            Thread loader = new Thread(new NativeCryptoPreload(), "native-crypto-preload");
            loader.setDaemon(true);
            loader.start();
        }
    }

    @Override
    public void run() {
        AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
        if (accp.getLoadingError() == null) {
            try {
                accp.assertHealthy();
            } catch (RuntimeException e) {
                // NativeCrypto asks again (the results are kept) and fails the start with this cause.
            }
        }
    }
}
