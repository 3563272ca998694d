package io.lingowire.syndication.webhook;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encrypts endpoint secrets at rest with AES-GCM under {@code lingowire.webhooks.secret-key}. The endpoint id is
 * the associated data, so a ciphertext copied onto another row does not decrypt. Checked at start-up: a missing or
 * malformed key stops the start rather than the first delivery.
 */
@Startup
@ApplicationScoped
public class SecretCipher {

    private static final String FORMAT = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SecretCipher(WebhookConfig config) {
        byte[] raw;
        try {
            raw = Base64.getMimeDecoder().decode(config.secretKey().strip());
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            throw new IllegalStateException("lingowire.webhooks.secret-key must be base64 of 16, 24 or 32 random bytes"
                    + " (e.g. the output of: openssl rand -base64 32)");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public String encrypt(String clear, String context) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, context, clear.getBytes(StandardCharsets.UTF_8));
        return FORMAT + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                .put(iv).put(sealed).array());
    }

    public String decrypt(String stored, String context) {
        if (stored == null || !stored.startsWith(FORMAT)) {
            throw new IllegalStateException("not a secret this gateway encrypted");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(FORMAT.length()));
        byte[] iv = Arrays.copyOfRange(all, 0, IV_BYTES);
        byte[] sealed = Arrays.copyOfRange(all, IV_BYTES, all.length);
        return new String(run(Cipher.DECRYPT_MODE, iv, context, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] iv, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // a changed secret-key: say so without echoing any key material
            throw new IllegalStateException("the webhook secret does not decrypt under lingowire.webhooks.secret-key", e);
        }
    }
}
