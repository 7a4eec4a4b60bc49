package dev.dragoman.provider;

/**
 * The provider answered with success but gave no usable translation (an empty or cut-off reply, a stream that ended
 * without its terminator, a body that is not its JSON): another key, or a later try, may do better.
 */
public sealed class InvalidReplyException extends ProviderException permits CheckFailedException {

    InvalidReplyException(String message) {
        super(ErrorClass.INVALID_REPLY, message, null);
    }
}
