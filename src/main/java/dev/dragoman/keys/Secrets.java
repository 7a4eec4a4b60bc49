package dev.dragoman.keys;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every API key this process knows, so that text from outside (a provider's error body that echoes the key, an
 * exception message of the HTTP client) can be masked before it reaches a log, an error reply or a dead letter.
 */
public final class Secrets {

    private static final Set<ApiKey> KNOWN = ConcurrentHashMap.newKeySet();

    private Secrets() {
    }

    public static void register(ApiKey key) {
        KNOWN.add(key);
    }

    /** The text with every known key replaced by its masked form. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (ApiKey key : KNOWN) {
            if (result.contains(key.secret())) {
                result = result.replace(key.secret(), key.masked());
            }
        }
        return result;
    }
}
