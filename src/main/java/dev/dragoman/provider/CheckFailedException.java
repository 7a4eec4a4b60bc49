package dev.dragoman.provider;

/**
 * A reply that failed one of the instance's checks (a placeholder lost, a tag dropped, the model talking instead of
 * translating): a bad reply like an empty one, retried on the next key and the next instance, and in the end the
 * text's failure with the check's reason.
 */
public final class CheckFailedException extends InvalidReplyException {

    private final String check;

    /** @param check the check's name, as users turn it on and off and as the metrics label it */
    public CheckFailedException(String check, String reason) {
        super(reason);
        this.check = check;
    }

    public String check() {
        return check;
    }
}
