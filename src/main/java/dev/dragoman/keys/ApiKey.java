package dev.dragoman.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One API key of a provider instance. Its {@link #toString()} is the masked form, so a key that slips into a log
 * line, an exception text or a dead letter shows as {@code sk-…a1b2}, never in full.
 */
public final class ApiKey {

    private final String secret;
    private final String masked;

    public ApiKey(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("an API key is empty");
        }
        this.secret = secret.strip();
        this.masked = mask(this.secret);
    }

    /** The key as the provider needs it: only for request headers, never for text people read. */
    public String secret() {
        return secret;
    }

    public String masked() {
        return masked;
    }

    /**
     * Four hex digits of the key's SHA-256: tells apart keys that mask alike, and says nothing usable of the key
     * (16 bits of a hash of a secret of 128 bits and more).
     */
    public String shortHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Keeps a recognisable prefix (up to the first dash, at most 4 characters) and the last 4 characters; short keys
     * show only their length so that nothing of them leaks. An {@code AK:SK} pair (Baidu Qianfan's access key and
     * secret key) is masked from its access-key part alone, so no character of the secret half shows.
     */
    static String mask(String secret) {
        int colon = secret.indexOf(':');
        if (colon > 0) {
            return mask(secret.substring(0, colon)) + ":…";
        }
        if (secret.length() < 12) {
            return "…(" + secret.length() + " chars)";
        }
        int dash = secret.indexOf('-');
        String prefix = dash > 0 && dash < 4 ? secret.substring(0, dash + 1) : secret.substring(0, 3);
        return prefix + "…" + secret.substring(secret.length() - 4);
    }

    @Override
    public String toString() {
        return masked;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.secret.equals(secret);
    }

    @Override
    public int hashCode() {
        return secret.hashCode();
    }
}
