package dev.dragoman.provider;

/** The provider refused this request as such: no key and no retry will change the answer. */
public final class RequestRejectedException extends ProviderException {

    RequestRejectedException(String message) {
        super(ErrorClass.REQUEST_REJECTED, message, null);
    }
}
