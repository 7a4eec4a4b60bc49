package dev.dragoman.provider;

/**
 * What a provider's error means for the caller, each with its own handling: another key now, key out of rotation,
 * backoff and retry, or fail at once.
 */
public enum ErrorClass {
    /** Too many requests on this key: rest it for the time asked and go on with another key. */
    RATE_LIMITED,
    /** The key is invalid, revoked or not allowed here: take it out of rotation. */
    KEY_REJECTED,
    /** The key's quota or balance is used up: take it out of rotation rather than retry. */
    QUOTA_EXHAUSTED,
    /** Overload, timeout or a server fault: back off and retry. */
    TRANSIENT,
    /** The request itself is refused (bad parameters, content policy): retrying cannot help. */
    REQUEST_REJECTED,
    /**
     * A successful status whose reply is no translation (empty, cut off, an unterminated stream, not the provider's
     * JSON): retried on another key like a transient fault, but it says nothing about the provider's health.
     */
    INVALID_REPLY
}
