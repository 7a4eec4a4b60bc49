package dev.dragoman.keys;

/**
 * A copy of a failure for the log: the same stack trace and causes, each message {@link Secrets#redact redacted} and
 * led by the original's class name ({@code RedactedThrowable: java.io.IOException: …}), so a stack trace shows where
 * and what failed without the key a library put into its message.
 */
public final class RedactedThrowable extends Exception {

    private RedactedThrowable(Throwable original) {
        super(original.getClass().getName()
                + (original.getMessage() == null ? "" : ": " + Secrets.redact(original.getMessage())),
                original.getCause() == null ? null : of(original.getCause()), false, true);
        setStackTrace(original.getStackTrace());
    }

    public static RedactedThrowable of(Throwable original) {
        return original instanceof RedactedThrowable redacted ? redacted : new RedactedThrowable(original);
    }
}
