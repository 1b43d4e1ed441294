import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/**
 * Signing cost of the two algorithms a join token may use, on this JVM: every join signs one
 * token, so this bounds joins per core. Run: java bench/SigningCost.java, or with a provider put
 * first, as the service does: java -cp provider.jar bench/SigningCost.java com.example.TheProvider
 */
public class SigningCost {

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            java.security.Security.insertProviderAt(
                    (java.security.Provider) Class.forName(args[0]).getConstructor().newInstance(), 1);
        }
        byte[] token = new byte[400];
        new SecureRandom().nextBytes(token);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair es256 = ec.generateKeyPair();
        KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        System.out.println(System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
                + Signature.getInstance("SHA256withECDSA").getProvider().getName() + " first");
        for (int round = 1; round <= 2; round++) {
            System.out.printf("round %d  ES256 sign %,6.0f/s verify %,6.0f/s   Ed25519 sign %,6.0f/s verify %,6.0f/s%n", round,
                    rate("SHA256withECDSA", es256, token, true), rate("SHA256withECDSA", es256, token, false),
                    rate("Ed25519", ed25519, token, true), rate("Ed25519", ed25519, token, false));
        }
    }

    private static double rate(String algorithm, KeyPair keys, byte[] message, boolean sign) throws Exception {
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(keys.getPrivate());
        signature.update(message);
        byte[] signed = signature.sign();
        long start = System.nanoTime();
        long end = start + 2_000_000_000L;
        int count = 0;
        while (System.nanoTime() < end) {
            if (sign) {
                signature.initSign(keys.getPrivate());
                signature.update(message);
                signature.sign();
            } else {
                signature.initVerify(keys.getPublic());
                signature.update(message);
                signature.verify(signed);
            }
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
