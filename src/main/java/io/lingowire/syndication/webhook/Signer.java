package io.lingowire.syndication.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Standard Webhooks v1 symmetric signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} under a
 * {@code whsec_} secret (32 random bytes). The body is signed as the exact bytes that are sent.
 */
public final class Signer {

    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signer() {
    }

    /** A fresh endpoint secret: {@code whsec_} and the base64 of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The {@code webhook-signature} header value for one attempt: one {@code v1,} signature per secret, separated by
     * spaces (during a rotation, the new secret's and the previous one's).
     */
    public static String sign(List<String> secrets, String messageId, long timestamp, byte[] body) {
        return String.join(" ", secrets.stream().map(s -> sign(s, messageId, timestamp, body)).toList());
    }

    /** One {@code v1,} signature. */
    public static String sign(String secret, String messageId, long timestamp, byte[] body) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
