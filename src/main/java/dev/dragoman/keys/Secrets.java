package dev.dragoman.keys;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every secret this process knows (API keys, the secret half of an {@code AK:SK} key, tokens), so that text from
 * outside (a provider's error body that echoes a key, an exception message of the HTTP client) can be masked before it
 * reaches a log, an error reply or a dead letter. A secret is found as it is, JSON-escaped ({@code \/} or a unicode
 * escape), URL-encoded ({@code %2F}) and inside Base64 (a basic-auth {@code user:key}), since providers and relays
 * echo requests in all of these forms.
 */
public final class Secrets {

    /** Shorter runs are too common in text to be worth decoding; a basic-auth value of a real key is longer. */
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");

    /** Longest first, so that an {@code AK:SK} key is masked whole before its secret half alone. */
    private static final Map<String, Secret> KNOWN = new ConcurrentSkipListMap<>(
            Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));

    private record Secret(String mask, Pattern encoded) {
    }

    private Secrets() {
    }

    /** The key and, for an {@code AK:SK} key, its secret half alone, both shown as the key's mask. */
    public static void register(ApiKey key) {
        add(key.secret(), key.masked());
        int colon = key.secret().indexOf(':');
        if (colon > 0 && colon < key.secret().length() - 1) {
            add(key.secret().substring(colon + 1).strip(), key.masked());
        }
    }

    /** Any other secret (an HTTP API token), shown as a mask of its own. */
    public static void register(String secret) {
        register(new ApiKey(secret));
    }

    private static void add(String secret, String mask) {
        KNOWN.putIfAbsent(secret, new Secret(mask, encodedForms(secret)));
    }

    /** The text with every known secret, in each of its forms, replaced by its mask. */
    public static String redact(String text) {
        if (text == null || text.isEmpty() || KNOWN.isEmpty()) {
            return text;
        }
        String result = text;
        for (Map.Entry<String, Secret> known : KNOWN.entrySet()) {
            result = result.replace(known.getKey(), known.getValue().mask());
        }
        if (result.indexOf('\\') >= 0 || result.indexOf('%') >= 0) {
            for (Secret secret : KNOWN.values()) {
                result = secret.encoded().matcher(result).replaceAll(Matcher.quoteReplacement(secret.mask()));
            }
        }
        return redactBase64(result);
    }

    /** A Base64 run whose decoded bytes hold a secret is replaced whole: the secret's place in it is not aligned. */
    private static String redactBase64(String text) {
        Matcher run = BASE64_RUN.matcher(text);
        StringBuilder result = null;
        int done = 0;
        while (run.find()) {
            String decoded = decoded(run.group());
            if (decoded == null) {
                continue;
            }
            for (Map.Entry<String, Secret> known : KNOWN.entrySet()) {
                if (decoded.contains(known.getKey())) {
                    result = result == null ? new StringBuilder(text.length()) : result;
                    result.append(text, done, run.start()).append("(Base64 of ").append(known.getValue().mask())
                            .append(')');
                    done = run.end();
                    break;
                }
            }
        }
        return result == null ? text : result.append(text, done, text.length()).toString();
    }

    private static String decoded(String run) {
        String padded = run.replace('-', '+').replace('_', '/');
        try {
            return new String(Base64.getMimeDecoder().decode(padded), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /**
     * Each character of the secret as itself, as a JSON unicode escape (backslash, u, four hex digits), a JSON
     * {@code \/} or {@code \\} escape, or a URL {@code %XX} escape (and {@code +} for a space), in any mix. A JSON
     * escape may have its backslash escaped again, as in a provider's error that quotes an upstream's JSON body.
     */
    private static Pattern encodedForms(String secret) {
        StringBuilder regex = new StringBuilder();
        secret.codePoints().forEach(c -> {
            regex.append("(?:").append(Pattern.quote(Character.toString(c)));
            if (c < 0x80) {
                regex.append("|(?i:\\\\+u00").append(hex(c)).append("|%").append(hex(c)).append(')');
            } else if (Character.isBmpCodePoint(c)) {
                regex.append("|(?i:\\\\+u").append(String.format("%04x", c)).append(')');
            }
            if (c == '/' || c == '"' || c == '\\') {
                regex.append("|\\\\+").append(Pattern.quote(Character.toString(c)));
            }
            if (c == ' ') {
                regex.append("|\\+");
            }
            regex.append(')');
        });
        return Pattern.compile(regex.toString());
    }

    private static String hex(int c) {
        return String.format("%02x", c);
    }
}
