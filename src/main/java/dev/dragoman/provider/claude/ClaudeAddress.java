package dev.dragoman.provider.claude;

/**
 * Anthropic's addresses: {@code https://api.anthropic.com} (or a relay's base, with or without {@code /v1}) becomes
 * {@code …/v1/messages}; an address already ending in {@code /v1/messages} is used as given. The model list is the
 * same base with {@code /v1/models}.
 */
public final class ClaudeAddress {

    private static final String MESSAGES = "/messages";

    private ClaudeAddress() {
    }

    public static String messages(String url) {
        return v1(url) + MESSAGES;
    }

    public static String models(String url) {
        return v1(url) + "/models";
    }

    private static String v1(String url) {
        String path = url.strip();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith(MESSAGES)) {
            path = path.substring(0, path.length() - MESSAGES.length());
        }
        return path.matches(".*/v\\d+$") ? path : path + "/v1";
    }
}
