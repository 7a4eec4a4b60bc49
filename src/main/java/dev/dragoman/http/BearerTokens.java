package dev.dragoman.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.OptionalInt;

import dev.dragoman.keys.Secrets;

/**
 * The tokens of {@code dragoman.http.tokens}, kept only as SHA-256 digests. A presented token is hashed and compared
 * with every digest through {@link MessageDigest#isEqual}, without stopping at a match, so the time a check takes
 * tells nothing about how close a guess was, nor which token matched.
 */
public final class BearerTokens {

    private static final String SCHEME = "Bearer ";

    private final List<byte[]> digests;

    public BearerTokens(List<String> tokens) {
        tokens.forEach(Secrets::register);
        this.digests = tokens.stream().map(BearerTokens::sha256).toList();
    }

    /** Whether tokens are configured at all; without them every request is let in. */
    public boolean required() {
        return !digests.isEmpty();
    }

    /**
     * The position of the token an {@code Authorization} header carries among the configured ones (a name for the
     * client that never shows the token), or empty when the header is missing, not a bearer token, or a wrong one.
     */
    public OptionalInt match(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return OptionalInt.empty();
        }
        byte[] presented = sha256(authorization.substring(SCHEME.length()).strip());
        int found = -1;
        for (int i = 0; i < digests.size(); i++) {
            if (MessageDigest.isEqual(digests.get(i), presented) && found < 0) {
                found = i;
            }
        }
        return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return digests.size() + " bearer token(s)";
    }
}
