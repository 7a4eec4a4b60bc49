package dev.dragoman.provider;

import dev.dragoman.keys.Secrets;

/**
 * The one way every dialect words a provider's error ("HTTP 429 rate_limit_exceeded: …"), short enough for a log
 * line or a dead letter; {@link ProviderException} masks any key in it.
 */
public final class ErrorText {

    private static final int MAX_MESSAGE = 500;

    private ErrorText() {
    }

    public static String describe(int status, String code, String message) {
        // masked before it is cut: a key cut in half would no longer be recognised
        String text = message == null || message.isBlank() ? "(no message)" : Secrets.redact(message.strip());
        if (text.length() > MAX_MESSAGE) {
            text = text.substring(0, MAX_MESSAGE) + "…";
        }
        return "HTTP " + status + (code == null || code.isBlank() ? "" : " " + code) + ": " + text;
    }
}
