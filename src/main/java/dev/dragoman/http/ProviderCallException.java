package dev.dragoman.http;

import dev.dragoman.keys.Secrets;

/** A provider answered an HTTP API call other than a translation (its model list) with an error (502). */
public class ProviderCallException extends Exception {

    public ProviderCallException(String message) {
        super(Secrets.redact(message), null, false, false);
    }
}
