package dev.dragoman.document;

import java.util.regex.Pattern;

import net.sf.okapi.common.IParameters;

/**
 * How a file writes the characters it may escape, so that its translation writes them the same way: a UTF-8
 * properties file stays UTF-8 (Okapi writes every non-ASCII character as {@code \}{@code uXXXX} by default), a JSON
 * file that escapes {@code /} or non-ASCII characters keeps doing so, one that does not is not made to.
 */
final class InputEscapes {

    private static final Pattern RAW_NON_ASCII = Pattern.compile("[^\\x00-\\x7F]");
    private static final Pattern ESCAPED_NON_ASCII = Pattern.compile("\\\\u(?:00[89a-fA-F]|0[1-9a-fA-F]|[1-9a-fA-F])");

    private InputEscapes() {
    }

    /**
     * JSON: non-ASCII characters as {@code \}{@code uXXXX} when the file has them so and none unescaped; {@code \/}
     * when the file escapes a slash (https://www.rfc-editor.org/rfc/rfc8259#section-7).
     */
    static void json(IParameters params, String text) {
        params.setBoolean("escapeExtendedChars",
                ESCAPED_NON_ASCII.matcher(text).find() && !RAW_NON_ASCII.matcher(text).find());
        params.setBoolean("escapeForwardSlashes", text.contains("\\/"));
    }

    /**
     * Properties: non-ASCII characters unescaped when the file has some so (a UTF-8 file, as Java 9 reads resource
     * bundles: https://docs.oracle.com/javase/9/intl/internationalization-enhancements-jdk-9.htm), else as
     * {@code \}{@code uXXXX}, which every reader of properties files understands.
     */
    static void properties(IParameters params, String text) {
        params.setBoolean("escapeExtendedChars", !RAW_NON_ASCII.matcher(text).find());
    }
}
