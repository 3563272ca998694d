package io.lingowire.syndication.webhook;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import io.lingowire.common.db.UrlRoutedDriver;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encrypts endpoint secrets at rest with AES-GCM under {@code lingowire.webhooks.secret-key}. The endpoint id is
 * the associated data, so a ciphertext copied onto another row does not decrypt. Checked at start-up: a missing (with a
 * production database) or malformed key stops the start rather than the first delivery.
 */
@Startup
@ApplicationScoped
public class SecretCipher {

    private static final String FORMAT = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(SecretCipher.class);

    private final SecretKeySpec key;

    SecretCipher(WebhookConfig config, @ConfigProperty(name = "lingowire.data-dir") String dataDir,
                 @ConfigProperty(name = "quarkus.datasource.jdbc.url") String databaseUrl) {
        String encoded = config.secretKey().orElseGet(() -> localKey(dataDir, databaseUrl));
        byte[] raw;
        try {
            raw = Base64.getMimeDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            throw new IllegalStateException("lingowire.webhooks.secret-key must be base64 of 16, 24 or 32 random bytes"
                    + " (e.g. the output of: openssl rand -base64 32)");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /**
     * The key of a gateway on the embedded database: made once, kept in the data folder beside the database it
     * protects (owner-only). A production database needs the key from a secret instead, as a container's files do
     * not outlive it.
     */
    private static String localKey(String dataDir, String databaseUrl) {
        if (UrlRoutedDriver.kindOf(databaseUrl) != UrlRoutedDriver.Kind.H2) {
            throw new IllegalStateException("Set LINGOWIRE_WEBHOOKS_SECRET_KEY (base64 of 32 random bytes, e.g. "
                    + "openssl rand -base64 32) from a secret: it encrypts the webhook secrets in the database");
        }
        Path file = Path.of(dataDir, "webhook-secret.key");
        try {
            if (Files.exists(file)) {
                return Files.readString(file);
            }
            Files.createDirectories(file.getParent());
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            String encoded = Base64.getEncoder().encodeToString(fresh);
            Files.writeString(file, encoded, StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's own protection applies
            }
            LOG.warnf("No LINGOWIRE_WEBHOOKS_SECRET_KEY: made one in %s (keep it with the database)", file);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the webhook key in " + file, e);
        }
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
