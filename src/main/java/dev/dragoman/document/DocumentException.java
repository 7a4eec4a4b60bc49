package dev.dragoman.document;

/**
 * A file that is not what its format says (broken XML, a PNG named {@code .json}), or a translation that does not fit
 * its segment: the message says what and where, e.g. "not a valid XLIFF file: unexpected end of input at line 12", so
 * that the file can be reported and set aside instead of being written back corrupted.
 */
public class DocumentException extends Exception {

    private static final long serialVersionUID = 1L;

    public DocumentException(String message) {
        super(message);
    }

    public DocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
