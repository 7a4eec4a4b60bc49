package dev.dragoman.provider.openai;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Turns what users paste as a platform's address into the chat-completions and model-list addresses, as LunaTranslator
 * does, so its users' settings carry over: an address ending in {@code /chat/completions} is used as given; a base
 * address gets {@code /v1} unless its path already has a version segment ({@code /v1}, {@code /api/v3},
 * {@code /api/paas/v4}, {@code /v1beta/openai}); a trailing {@code #} means "use exactly this".
 */
public final class OpenAiAddress {

    private static final String CHAT = "/chat/completions";
    private static final Pattern VERSION_SEGMENT = Pattern.compile("/v\\d+[a-z0-9]*(/|$)");
    /** Per configured address: worked out once, not on every call (a regex replace and a match each time). */
    private static final Map<String, String> CHAT_ADDRESSES = new ConcurrentHashMap<>();

    private OpenAiAddress() {
    }

    public static String chatCompletions(String url) {
        return CHAT_ADDRESSES.computeIfAbsent(url, OpenAiAddress::chatCompletionsOf);
    }

    private static String chatCompletionsOf(String url) {
        Parts parts = Parts.of(url);
        if (parts.path.endsWith("#")) {
            return parts.path.substring(0, parts.path.length() - 1) + parts.query;
        }
        if (parts.path.endsWith(CHAT)) {
            return parts.path + parts.query;
        }
        return base(parts.path) + CHAT + parts.query;
    }

    public static String models(String url) {
        Parts parts = Parts.of(url);
        String path = parts.path.endsWith("#") ? parts.path.substring(0, parts.path.length() - 1) : parts.path;
        if (path.endsWith(CHAT)) {
            return path.substring(0, path.length() - CHAT.length()) + "/models" + parts.query;
        }
        return base(path) + "/models" + parts.query;
    }

    private static String base(String address) {
        String path = address.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
        return VERSION_SEGMENT.matcher(path).find() ? address : address + "/v1";
    }

    /** The address without trailing slashes, and its query (kept for platforms such as Azure's api-version). */
    private record Parts(String path, String query) {

        static Parts of(String url) {
            String trimmed = url.strip();
            int question = trimmed.indexOf('?');
            String path = question < 0 ? trimmed : trimmed.substring(0, question);
            String query = question < 0 ? "" : trimmed.substring(question);
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return new Parts(path, query);
        }
    }
}
