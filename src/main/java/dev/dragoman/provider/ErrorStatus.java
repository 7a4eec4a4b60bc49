package dev.dragoman.provider;

import java.time.Clock;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dragoman.keys.RetryAfter;

/** The usual meaning of an HTTP status from a model API, for dialects to refine with what the body says. */
public final class ErrorStatus {

    private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]*)</title>", Pattern.CASE_INSENSITIVE);

    private ErrorStatus() {
    }

    public static ErrorClass classify(int status) {
        return switch (status) {
            case 401, 403 -> ErrorClass.KEY_REJECTED;
            case 402 -> ErrorClass.QUOTA_EXHAUSTED;
            case 429 -> ErrorClass.RATE_LIMITED;
            case 408, 409, 425, 499, 500, 502, 503, 504, 529 -> ErrorClass.TRANSIENT;
            default -> status >= 500 ? ErrorClass.TRANSIENT : ErrorClass.REQUEST_REJECTED;
        };
    }

    /** Whether an error body is a web page rather than any provider's error (which are JSON or a line of text). */
    public static boolean isPage(String contentType, String raw) {
        return contentType.toLowerCase(Locale.ROOT).startsWith("text/html") || raw.stripLeading().startsWith("<");
    }

    /**
     * An error page from something between Dragoman and the provider (a CDN, a proxy, a gateway): the status keeps its
     * meaning, except that a 401 or 403 there says nothing about the key, which the provider never saw.
     */
    public static ProviderException page(int status, String contentType, String raw, Function<String, String> header) {
        ErrorClass meaning = status == 401 || status == 403 ? ErrorClass.TRANSIENT : classify(status);
        Matcher title = TITLE.matcher(raw);
        String page = "an error page (" + (contentType.isEmpty() ? "no content type" : contentType) + ")"
                + (title.find() ? ": " + title.group(1).strip() : "");
        return ProviderException.of(meaning, ErrorText.describe(status, null, page),
                RetryAfter.fromHeaders(header, Clock.systemUTC()).orElse(null));
    }
}
