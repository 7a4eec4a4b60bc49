package dev.dragoman.provider.gemini;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gemini's addresses: the official host always maps to {@code https://generativelanguage.googleapis.com/v1beta},
 * whatever path was typed; a relay's address ending in {@code /v1beta} (optionally {@code /v1beta/models}) keeps its
 * prefix. The key never goes in the address.
 */
public final class GeminiAddress {

    private static final String OFFICIAL = "https://generativelanguage.googleapis.com";
    private static final Pattern V1BETA = Pattern.compile("^(.*)/v1beta(/(models/?)?)?$");

    private GeminiAddress() {
    }

    /** The official host (but not its OpenAI-compatible path), or any address ending in {@code /v1beta}. */
    public static boolean isGemini(String url) {
        String trimmed = url == null ? "" : url.strip();
        if (trimmed.startsWith(OFFICIAL)) {
            return !trimmed.contains("/openai");
        }
        return V1BETA.matcher(trimmed).matches();
    }

    /** {@code …/v1beta}, to which {@code /models/…} is added. */
    public static String base(String url) {
        String trimmed = url.strip();
        if (trimmed.startsWith(OFFICIAL)) {
            return OFFICIAL + "/v1beta";
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        Matcher matcher = V1BETA.matcher(trimmed);
        return (matcher.matches() ? matcher.group(1) : trimmed) + "/v1beta";
    }

    public static String generateContent(String url, String model, boolean stream) {
        String encoded = URLEncoder.encode(model, StandardCharsets.UTF_8);
        return base(url) + "/models/" + encoded + (stream ? ":streamGenerateContent?alt=sse" : ":generateContent");
    }

    public static String models(String url) {
        return base(url) + "/models?pageSize=1000";
    }
}
