package dev.dragoman.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.Secrets;

/**
 * The tokens of {@code dragoman.http.tokens} and of the named clients ({@code dragoman.http.clients}), kept only as
 * SHA-256 digests. A presented token is hashed and compared
 * with every digest through {@link MessageDigest#isEqual}, without stopping at a match, so the time a check takes
 * tells nothing about how close a guess was, nor which token matched.
 */
public final class BearerTokens {

    private static final String SCHEME = "Bearer ";

    private final List<byte[]> digests = new ArrayList<>();
    /** The client each token stands for, by the token's place: a name, or "token #N" for the unnamed ones. */
    private final List<String> clients = new ArrayList<>();

    /**
     * @param tokens the unnamed tokens ({@code dragoman.http.tokens})
     * @param named  the named clients' tokens ({@code dragoman.http.clients}), by name
     */
    public BearerTokens(List<String> tokens, Map<String, ApiKey> named) {
        for (int i = 0; i < tokens.size(); i++) {
            Secrets.register(tokens.get(i));
            digests.add(sha256(tokens.get(i)));
            clients.add("token #" + i);
        }
        named.forEach((name, token) -> {
            Secrets.register(token.secret());
            digests.add(sha256(token.secret()));
            clients.add(name);
        });
    }

    /** Whether tokens are configured at all; without them every request is let in. */
    public boolean required() {
        return !digests.isEmpty();
    }

    /**
     * The client whose token an {@code Authorization} header carries (its name, or "token #N" for the N-th unnamed
     * token: never the token), or empty when the header is missing, not a bearer token, or a wrong one.
     */
    public Optional<String> match(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        byte[] presented = sha256(authorization.substring(SCHEME.length()).strip());
        int found = -1;
        for (int i = 0; i < digests.size(); i++) {
            if (MessageDigest.isEqual(digests.get(i), presented) && found < 0) {
                found = i;
            }
        }
        return found < 0 ? Optional.empty() : Optional.of(clients.get(found));
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
