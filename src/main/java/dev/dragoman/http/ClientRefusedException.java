package dev.dragoman.http;

/**
 * A named client's request refused by its own limits ({@code dragoman.http.clients}): 429 with {@code Retry-After}
 * when it is over a rate, token or spending limit, 403 when it names an instance it may not use. The message names
 * the limit.
 */
public class ClientRefusedException extends Exception {

    private final int status;
    private final long retryAfterSeconds;

    private ClientRefusedException(int status, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ClientRefusedException overLimit(String message, long retryAfterSeconds) {
        return new ClientRefusedException(429, message, retryAfterSeconds);
    }

    static ClientRefusedException notAllowed(String message) {
        return new ClientRefusedException(403, message, 0);
    }

    public int status() {
        return status;
    }

    /** Seconds until the client may come again; 0 when waiting does not help. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
