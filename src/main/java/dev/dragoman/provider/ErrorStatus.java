package dev.dragoman.provider;

/** The usual meaning of an HTTP status from a model API, for dialects to refine with what the body says. */
public final class ErrorStatus {

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
}
