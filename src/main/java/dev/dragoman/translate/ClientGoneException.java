package dev.dragoman.translate;

import java.io.InterruptedIOException;

/**
 * A provider call cut off because the text's client has gone. The provider did nothing wrong, so this failure must
 * not count against it (its circuit breaker ignores it), however it reaches the breaker.
 */
public class ClientGoneException extends InterruptedIOException {

    public ClientGoneException() {
        super("the client has gone");
    }
}
