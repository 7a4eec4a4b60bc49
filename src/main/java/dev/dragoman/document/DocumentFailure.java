package dev.dragoman.document;

/**
 * A {@link DocumentException} on its way out of a callback that cannot throw checked exceptions (Okapi's event loop,
 * a translation function); {@link OkapiDocument} turns it back into one.
 */
final class DocumentFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DocumentFailure(String message) {
        super(message);
    }
}
